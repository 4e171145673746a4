import { Badge, ScrollArea } from "@/features/ui/card";
import {
  COST_COLUMNS,
  costCells,
  figure as n,
  type StoredResults,
  THROUGHPUT_COLUMNS,
  throughputCells,
} from "./schema";

/** The stored figures as plain tables: the charts' text alternative, and the exact numbers. */

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: React.ReactNode[][] }) {
  return (
    <ScrollArea label={`${caption} (scrolls sideways)`}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            {head.map((h, i) => (
              <th key={h} scope="col" className={`py-1 pr-3 ${i ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static rows in a fixed order
            <tr key={i} className="border-b border-slate-100 dark:border-slate-800">
              {r.map((c, j) =>
                j === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static cells
                  <th key={j} scope="row" className="py-1 pr-3 font-normal">
                    {c}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static cells
                  <td key={j} className="py-1 pr-3 text-right tabular-nums">
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

export function TargetsTable({ targets }: Pick<StoredResults, "targets">) {
  return (
    <Table
      caption="The issue's targets and what the stored run measured"
      head={["Target", "Wanted", "Measured", "Result"]}
      rows={targets.map((t) => [
        t.label,
        t.target,
        t.measured,
        t.pass === null ? (
          <Badge key="result">not measured</Badge>
        ) : t.pass ? (
          <Badge key="result" tone="green">
            pass
          </Badge>
        ) : (
          <Badge key="result" tone="red">
            miss
          </Badge>
        ),
      ])}
    />
  );
}

export function ThroughputTable({ http }: Pick<StoredResults, "http">) {
  return (
    <Table
      caption="Throughput per row"
      head={["Row", ...THROUGHPUT_COLUMNS]}
      rows={http.map(throughputCells)}
    />
  );
}

export function CostTable({ costs }: Pick<StoredResults, "costs">) {
  return (
    <Table
      caption="Per-request cost split in milliseconds"
      head={["Row", ...COST_COLUMNS]}
      rows={costs.map(costCells)}
    />
  );
}

export function MicroTables({
  lookups,
  decode,
  cookies,
}: Pick<StoredResults, "lookups" | "decode" | "cookies">) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Table
        caption="Session lookup in microseconds"
        head={["Lookup", "sessions", "mean µs", "p99 µs"]}
        rows={lookups.map((l) => [l.engine, n(l.sessions), n(l.meanUs, 1), n(l.p99Us, 1)])}
      />
      <Table
        caption="JWT decode in microseconds"
        head={["Decode", "mean µs", "p99 µs"]}
        rows={decode.map((d) => [d.label, n(d.meanUs, 1), n(d.p99Us, 1)])}
      />
      <Table
        caption="Cookie bytes per mode after signing in"
        head={["Cookies", "bytes"]}
        rows={cookies.map((c) => [`${c.mode}: ${c.cookies.map((k) => k.name).join(" + ")}`, n(c.total)])}
      />
    </div>
  );
}
