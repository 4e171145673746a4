import { duration, lifetimes } from "@/lib/auth/lifetimes";
import { STRATEGY_MODULES } from "@/lib/auth/strategies";
import { STRATEGIES, STRATEGY_LABELS, type Strategy } from "@/lib/auth/strategy";
import type { ModeMeasure } from "@/lib/labs/measure";
import type { RevocationTime } from "@/lib/labs/revocation-times";

/**
 * The reference article's six rows, one column per mode of this server, each cell measured here:
 * cookie bytes from a real encode, reads per request from the module, the read path timed, time
 * to revocation from the room's replays, the lifetimes in force.
 */
const ROWS = [
  {
    id: "storage",
    label: "Storage",
    claim: "Sessions: an id in the cookie, data on the server. JWTs: the data in the token.",
  },
  {
    id: "scalability",
    label: "Scalability",
    claim: "Sessions need a shared store; JWTs can be checked by any server with the key.",
  },
  {
    id: "security",
    label: "Security",
    claim: "Cookie flags protect both; tokens in localStorage are open to XSS; JWTs are hard to revoke.",
  },
  { id: "size", label: "Size", claim: "A session id is a short random string; a JWT grows with its claims." },
  {
    id: "invalidation",
    label: "Invalidation",
    claim: "Delete a row and the session is over; a JWT needs a deny-list, a key rotation or a short life.",
  },
  {
    id: "lifespan",
    label: "Lifespan",
    claim: "The server decides a session's life at any time; a JWT carries a fixed expiry.",
  },
] as const;

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

function cell(
  row: (typeof ROWS)[number]["id"],
  mode: Strategy,
  m: ModeMeasure | undefined,
  times: RevocationTime[],
) {
  const module = STRATEGY_MODULES[mode];
  switch (row) {
    case "storage":
      return module.serverKeeps;
    case "scalability":
      return `${module.readsPerRequest}. Read path: ${m ? `${m.readMs.median.toFixed(2)} ms median (${m.readMs.rounds} reads)` : "not measured"}.`;
    case "security":
      return `Session cookie HttpOnly, SameSite=Lax (Secure over HTTPS). Levers that stop a stolen copy: ${Object.keys(module.levers).length}.`;
    case "size":
      return m
        ? `${m.totalBytes} bytes: ${m.cookies.map((c) => `${c.name} ${c.bytes}`).join(", ")}`
        : "not measured";
    case "invalidation": {
      const mine = times.filter((t) => t.mode === mode);
      if (!mine.length) return "No replay after a revocation measured yet (Revocation page).";
      return mine
        .map((t) =>
          t.medianMs !== null
            ? `${t.technique}: refused after ${ms(t.medianMs)} (median of ${t.refused})${t.acceptedAfter ? `, ${t.acceptedAfter} accepted after it` : ""}`
            : `${t.technique}: still accepted (${t.acceptedAfter} replays)`,
        )
        .join("; ");
    }
    case "lifespan":
      return module
        .lifetimeRules(lifetimes())
        .map((r) => `${r.name} ${duration(r.seconds)}`)
        .join(", ");
  }
}

export function CompareTable({
  measures,
  times,
  big = false,
}: {
  measures: ModeMeasure[];
  times: RevocationTime[];
  big?: boolean;
}) {
  const text = big ? "text-lg" : "text-sm";
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard
    <section className="overflow-x-auto" aria-label="Comparison table" tabIndex={0}>
      <table className={`w-full min-w-[56rem] border-collapse ${text}`}>
        <caption className="sr-only">
          Sessions and JWTs compared, with values measured on this server per mode
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-300 text-left dark:border-slate-700">
            <th scope="col" className="p-2">
              Category
            </th>
            <th scope="col" className="p-2">
              The usual claim
            </th>
            {STRATEGIES.map((s) => (
              <th key={s} scope="col" className="p-2">
                {STRATEGY_LABELS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr
              key={row.id}
              data-row={row.id}
              className="border-b border-slate-200 align-top dark:border-slate-800"
            >
              <th scope="row" className="p-2 text-left font-semibold">
                {row.label}
              </th>
              <td className="p-2 text-slate-600 dark:text-slate-400">{row.claim}</td>
              {STRATEGIES.map((s) => (
                <td key={s} className="p-2 break-words">
                  {cell(
                    row.id,
                    s,
                    measures.find((m) => m.mode === s),
                    times,
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
