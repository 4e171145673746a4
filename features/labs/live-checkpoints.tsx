"use client";

import { useEffect, useState } from "react";

export interface CheckpointView {
  id: string;
  label: string;
  detectedBy: string;
  done: boolean;
}

const POLL_MS = 2000;

/**
 * The lab's checkpoints, turning green by themselves: the server decides them from your own data
 * (GET /labs/<lab>/status) and this list asks again every two seconds. Nothing here can tick one.
 */
export function LiveCheckpoints({
  lab,
  initial,
  signedIn,
}: {
  lab: string;
  initial: CheckpointView[];
  signedIn: boolean;
}) {
  const [items, setItems] = useState(initial);
  const [news, setNews] = useState("");
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const res = await fetch(`/labs/${lab}/status`, { cache: "no-store" });
        if (!res.ok) return;
        const body = (await res.json()) as { checkpoints: { id: string; done: boolean }[] };
        if (stopped) return;
        setItems((old) => {
          const fresh = old.map((c) => ({
            ...c,
            done: body.checkpoints.find((b) => b.id === c.id)?.done ?? c.done,
          }));
          const reached = fresh.filter((c, i) => c.done && !old[i]?.done).map((c) => c.label);
          if (reached.length) setNews(`Checkpoint reached: ${reached.join("; ")}`);
          return fresh;
        });
      } catch {
        // A missed poll is retried on the next tick.
      }
    };
    const timer = setInterval(tick, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [lab]);
  const done = items.filter((c) => c.done).length;
  return (
    <div>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {signedIn
          ? `${done} of ${items.length} reached.`
          : "Sign in (or join the room) to have your steps detected."}
      </p>
      <ul aria-label="Checkpoints" className="mt-2 space-y-2">
        {items.map((c) => (
          <li
            key={c.id}
            data-checkpoint={c.id}
            data-done={c.done}
            className={`flex items-start gap-3 rounded-lg border p-3 ${
              c.done
                ? "border-green-600 bg-green-50 dark:bg-green-950"
                : "border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900"
            }`}
          >
            <span
              aria-hidden="true"
              className={`mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full text-sm font-bold ${
                c.done ? "bg-green-700 text-white" : "border-2 border-slate-400"
              }`}
            >
              {c.done ? "✓" : ""}
            </span>
            <span className="min-w-0">
              <span className="font-medium">{c.label}</span>{" "}
              <span className="sr-only">{c.done ? "(reached)" : "(not yet)"}</span>
              <span className="block text-sm text-slate-600 dark:text-slate-400">
                Detected from {c.detectedBy}.
              </span>
            </span>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="sr-only">
        {news}
      </p>
    </div>
  );
}
