import { Badge, Card } from "@/features/ui/card";
import { relative, when } from "@/features/ui/format";
import { duration } from "@/lib/auth/lifetimes";
import type { LifetimeRule } from "@/lib/auth/strategies/types";

/**
 * When does this session end if nobody revokes it? The rules come from the mode's own module,
 * with the numbers it enforces, so this panel cannot promise a lifetime the server does not keep.
 */
export function LifetimesPanel({
  rules,
  authTime,
  endsAt,
  absoluteEnd,
  persistent,
  now,
}: {
  rules: LifetimeRule[];
  authTime: Date;
  endsAt: Date;
  absoluteEnd: Date;
  persistent: boolean;
  now: number;
}) {
  return (
    <Card id="lifetimes" title="Lifetimes" subtitle="When does this session end if nobody revokes it?">
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        {rules.map((r) => (
          <div key={r.name} className="contents">
            <dt className="text-slate-500 dark:text-slate-400">{r.name}</dt>
            <dd>
              <strong>{duration(r.seconds)}</strong> {r.what}
            </dd>
          </div>
        ))}
        <dt className="text-slate-500 dark:text-slate-400">Signed in</dt>
        <dd>{when(authTime)}</dd>
        <dt className="text-slate-500 dark:text-slate-400">This credential</dt>
        <dd>
          accepted until {when(endsAt)} ({relative(endsAt.getTime(), now)}) unless activity extends it; never
          after {when(absoluteEnd)} ({relative(absoluteEnd.getTime(), now)})
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Cookie</dt>
        <dd>
          {persistent ? (
            <Badge tone="blue">persistent (“Remember me”)</Badge>
          ) : (
            <Badge tone="amber">session cookie: gone when the browser closes</Badge>
          )}
        </dd>
      </dl>
    </Card>
  );
}
