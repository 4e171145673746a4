import { Badge, Card } from "@/features/ui/card";
import { ms } from "@/features/ui/format";
import type { Trace } from "@/lib/auth/trace";

export function RequestPanel({
  trace,
  totalMs,
  signedIn,
}: {
  trace: Trace;
  totalMs: number;
  signedIn: boolean;
}) {
  return (
    <Card id="request" title="This request" subtitle="What the server did, just now, to decide who you are.">
      {trace.steps.length === 0 ? (
        <p className="text-sm text-slate-600">No credential arrived, so there was nothing to check.</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {trace.steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a trace is rendered once and never reordered
            <li key={i} className="flex flex-wrap items-baseline gap-2">
              <Badge tone={s.ok ? "green" : "red"}>{ms(s.ms)}</Badge>
              <span>{s.label}</span>
              {s.detail ? <span className="text-slate-500">→ {s.detail}</span> : null}
            </li>
          ))}
        </ol>
      )}
      <p className="mt-3 text-sm">
        Whole check, Auth.js included: <strong>{ms(totalMs)}</strong>. Result:{" "}
        {signedIn ? <Badge tone="green">trusted</Badge> : <Badge tone="slate">signed out</Badge>}
      </p>
      {trace.rejection ? (
        <p role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          Refused: {trace.rejection}
        </p>
      ) : null}
    </Card>
  );
}
