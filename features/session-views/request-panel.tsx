import { Badge, Card } from "@/features/ui/card";
import { ms } from "@/features/ui/format";
import type { Verdict } from "@/lib/auth/strategies/types";
import { costByKind, type StepKind, type Trace } from "@/lib/auth/trace";

const KIND_NAMES: Record<StepKind, string> = {
  key: "key lookup",
  crypto: "cryptography",
  store: "store queries",
  check: "checks",
};

const STORE_NAMES = { sqlite: "SQLite", postgresql: "PostgreSQL", redis: "Redis", memory: "memory" } as const;

export function RequestPanel({
  trace,
  totalMs,
  verdict,
}: {
  trace: Trace;
  totalMs: number;
  verdict: Verdict;
}) {
  const cost = costByKind(trace);
  const inherent = cost.key + cost.crypto + cost.store + cost.check;
  const reads = trace.steps.filter((s) => s.kind === "store").length;
  return (
    <Card id="request" title="This request" subtitle="What the server did, just now, to decide who you are.">
      {trace.steps.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No credential arrived, so there was nothing to check.
        </p>
      ) : (
        <ol className="space-y-1 text-sm">
          {trace.steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a trace is rendered once and never reordered
            <li key={i} className="flex flex-wrap items-baseline gap-2">
              <Badge tone={s.ok ? "green" : "red"}>{ms(s.ms)}</Badge>
              <span>{s.label}</span>
              {s.store ? <Badge tone="blue">{STORE_NAMES[s.store]}</Badge> : null}
              {s.detail ? <span className="text-slate-500 dark:text-slate-400">→ {s.detail}</span> : null}
            </li>
          ))}
        </ol>
      )}
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">Inherent work</dt>
        <dd>
          <strong>{ms(inherent)}</strong>
          {inherent > 0
            ? ` (${(Object.keys(KIND_NAMES) as StepKind[])
                .filter((k) => cost[k] > 0)
                .map((k) => `${KIND_NAMES[k]} ${ms(cost[k])}`)
                .join(", ")})`
            : ""}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Around it</dt>
        <dd>
          {ms(Math.max(0, totalMs - inherent))} in the app's read path (parsing, settings, bookkeeping). The
          whole HTTP request's framework cost is measured on the Benchmarks page.
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Store reads</dt>
        <dd>{reads === 0 ? "none: nothing but the cookie and the key was needed" : reads}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Result</dt>
        <dd>
          {verdict.status === "signed-in" ? (
            <Badge tone="green">trusted{verdict.cache === "hit" ? " (from the cache cookie)" : ""}</Badge>
          ) : verdict.status === "unavailable" ? (
            <Badge tone="red">store unavailable: not decided</Badge>
          ) : (
            <Badge tone="slate">signed out</Badge>
          )}
        </dd>
      </dl>
      {verdict.status !== "signed-in" && verdict.reason ? (
        <p
          role="note"
          className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-700 dark:bg-amber-950"
        >
          {verdict.status === "unavailable" ? "Could not check: " : "Refused: "}
          {verdict.reason}
        </p>
      ) : null}
      {verdict.status === "signed-in" && verdict.note ? (
        <p
          role="note"
          className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-700 dark:bg-amber-950"
        >
          {verdict.note}
        </p>
      ) : null}
    </Card>
  );
}
