import {
  COST_COLUMNS,
  costCells,
  figure as n,
  THROUGHPUT_COLUMNS,
  throughputCells,
} from "../../features/benchmarks/schema";
import type { BenchResults } from "./rows";

/** Plain-text tables for the terminal (and for pasting into docs/performance.md). */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(Math.max(1, w - 1))}:`)).join(" | ")} |`;
  return [line(head), rule, ...cells.slice(1).map(line)].join("\n");
}

export function report(r: BenchResults): string {
  const parts: string[] = [];
  parts.push(
    `Session Lab bench, ${r.when}: ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}; autocannon ${r.settings.connections} connections, ${r.settings.durationS} s per row, each row right after its own /api/health run, median of ${r.settings.rounds} round(s)${r.settings.smoke ? " (smoke run: figures are indicative only)" : ""}`,
  );
  parts.push("Throughput", table(["row", ...THROUGHPUT_COLUMNS], r.http.map(throughputCells)));
  if (r.costs.length)
    parts.push(
      "Per-request cost split (ms, mean of sequential requests, from Server-Timing)",
      table(["row", ...COST_COLUMNS], r.costs.map(costCells)),
    );
  if (r.lookups.length)
    parts.push(
      "Session lookup through SessionStore.find (µs)",
      table(
        ["engine", "sessions", "mean µs", "p99 µs"],
        r.lookups.map((l) => [l.engine, n(l.sessions), n(l.meanUs, 1), n(l.p99Us, 1)]),
      ),
    );
  for (const note of r.lookupNotes) parts.push(`note: ${note}`);
  if (r.decode.length)
    parts.push(
      "JWT decode (µs)",
      table(
        ["what", "mean µs", "p99 µs"],
        r.decode.map((d) => [d.label, n(d.meanUs, 1), n(d.p99Us, 1)]),
      ),
    );
  if (r.cookies.length)
    parts.push(
      "Cookie size after sign-in (bytes of name=value)",
      table(
        ["mode", "cookies", "total bytes"],
        r.cookies.map((c) => [c.mode, c.cookies.map((k) => `${k.name} ${k.bytes}`).join(", "), c.total]),
      ),
    );
  if (r.jwtGrowth.length)
    parts.push(
      `JWT size as claims grow (Auth.js splits cookies over ${r.chunkSize} characters)`,
      table(
        ["extra claim bytes", "JWT bytes", "cookies"],
        r.jwtGrowth.map((g) => [n(g.extraClaimBytes), n(g.jwtBytes), g.chunks]),
      ),
    );
  parts.push(
    `Peak server RSS (VmHWM): ${r.peakRssMb === null ? "not available" : `${n(r.peakRssMb, 1)} MB`}`,
  );
  parts.push(
    "Targets (issue 8)",
    table(
      ["target", "wanted", "measured", "result"],
      r.targets.map((t) => [
        t.label,
        t.target,
        t.measured,
        t.pass === null ? "n/a" : t.pass ? "pass" : "MISS",
      ]),
    ),
  );
  return parts.join("\n\n");
}
