"use client";

import { useState } from "react";
import { buttonClass, ScrollArea } from "@/features/ui/card";

/**
 * A short benchmark from this browser against this server: about two seconds of requests per row,
 * six at a time (a browser's usual limit per host), with the browser's own cookies, so it measures
 * the mode you are in. Absolute numbers include the browser and are far below autocannon's; the
 * ratio to /api/health is what compares with the stored run.
 */
const ROW_MS = 2000;
const PARALLEL = 6;

interface LiveRow {
  id: string;
  label: string;
  path: string;
  /** The stored row this one compares with (its ratio to health). */
  storedRatio: number | null;
}

interface Measured {
  id: string;
  rps: number;
  statuses: string;
  ratio: number | null;
}

async function drive(path: string, until: number): Promise<{ count: number; statuses: Map<number, number> }> {
  const statuses = new Map<number, number>();
  let count = 0;
  const worker = async () => {
    while (performance.now() < until) {
      try {
        const res = await fetch(path, { cache: "no-store" });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      } catch {
        statuses.set(0, (statuses.get(0) ?? 0) + 1);
      }
      count++;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return { count, statuses };
}

export function LiveBench({ rows }: { rows: LiveRow[] }) {
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(0);
  const [status, setStatus] = useState("");
  const [results, setResults] = useState<Measured[]>([]);

  async function run() {
    setRunning(true);
    setResults([]);
    setDone(0);
    const out: Measured[] = [];
    let floor = 0;
    // Load the page once first: the proxy renews what is about to expire (a refresh-mode access
    // token lives a minute), so the rows below measure reads, not refusals.
    await fetch(window.location.pathname, { cache: "no-store" }).catch(() => {});
    for (const [i, row] of rows.entries()) {
      setStatus(`Running ${i + 1} of ${rows.length}: ${row.label}…`);
      const start = performance.now();
      const { count, statuses } = await drive(row.path, start + ROW_MS);
      const rps = count / ((performance.now() - start) / 1000);
      if (i === 0) floor = rps;
      out.push({
        id: row.id,
        rps,
        statuses: [...statuses].map(([s, n]) => `${s === 0 ? "network error" : s} ×${n}`).join(", "),
        ratio: floor > 0 ? rps / floor : null,
      });
      setResults([...out]);
      setDone(i + 1);
    }
    setStatus(`Done: ${rows.length} rows, about ${Math.round((rows.length * ROW_MS) / 1000)} s of requests.`);
    setRunning(false);
  }

  const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)} %`);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClass} onClick={run} disabled={running}>
          {running ? "Running…" : `Run a live benchmark (about ${(rows.length * ROW_MS) / 1000} s)`}
        </button>
        <progress aria-label="Live benchmark progress" className="h-2 w-40" max={rows.length} value={done} />
        <span role="status" aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
          {status}
        </span>
      </div>
      <ScrollArea label="Live benchmark results (scrolls sideways)">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Live benchmark from this browser, next to the stored run</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-1 pr-3">
                Row
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Live req/s
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Live vs health
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Stored vs health
              </th>
              <th scope="col" className="py-1">
                Answers
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const r = results.find((m) => m.id === row.id);
              return (
                <tr key={row.id} className="border-b border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {row.label}
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{r ? Math.round(r.rps) : "–"}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{r ? pct(r.ratio) : "–"}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{pct(row.storedRatio)}</td>
                  <td className="py-1 text-xs text-slate-600 dark:text-slate-400">{r?.statuses ?? ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollArea>
    </div>
  );
}
