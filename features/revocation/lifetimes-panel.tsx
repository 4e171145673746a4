import { Badge, Card } from "@/features/ui/card";
import { relative, when } from "@/features/ui/format";

export interface Lifetimes {
  idleS: number;
  updateAgeS: number;
  absoluteS: number;
  accessTtlS: number | null;
  authTime: Date | null;
  idleEnd: Date | null;
  absoluteEnd: Date | null;
  persistent: boolean;
  now: number;
}

/** The three clocks on every session: idle timeout, absolute timeout, and the cookie's own life. */
export function LifetimesPanel({ l }: { l: Lifetimes }) {
  const h = (s: number) =>
    s >= 3600 ? `${+(s / 3600).toFixed(1)} h` : s >= 60 ? `${Math.round(s / 60)} min` : `${s} s`;
  return (
    <Card id="lifetimes" title="Lifetimes" subtitle="When does this session end if nobody revokes it?">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">Idle timeout</dt>
        <dd>
          {h(l.idleS)} without a request (expiry pushed forward at most every {h(l.updateAgeS)}) → ends{" "}
          {l.idleEnd ? `${when(l.idleEnd)} (${relative(l.idleEnd.getTime(), l.now)})` : "—"}
        </dd>
        <dt className="text-slate-500">Absolute timeout</dt>
        <dd>
          {h(l.absoluteS)} after signing in ({l.authTime ? when(l.authTime) : "—"}), however active → ends{" "}
          {l.absoluteEnd ? `${when(l.absoluteEnd)} (${relative(l.absoluteEnd.getTime(), l.now)})` : "—"}
        </dd>
        {l.accessTtlS ? (
          <>
            <dt className="text-slate-500">Access token</dt>
            <dd>{h(l.accessTtlS)}, then renewed with the refresh token</dd>
          </>
        ) : null}
        <dt className="text-slate-500">Cookie</dt>
        <dd>
          {l.persistent ? (
            <Badge tone="blue">persistent (“Remember me”)</Badge>
          ) : (
            <Badge tone="amber">session cookie: gone when the browser closes</Badge>
          )}
        </dd>
      </dl>
    </Card>
  );
}
