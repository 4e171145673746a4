"use client";

import { useActionState, useId } from "react";
import type { ActionResult } from "@/lib/actions/guard";
import { startStoreOutage } from "./outage-actions";

const input =
  "w-20 rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

/** How long, then go: the one input the drill needs, with its own status line. */
export function OutageForm({
  store,
  what,
  label,
  className,
}: {
  store: "database" | "redis";
  /** "session store", "deny-list store": tells the two seconds fields apart for screen readers. */
  what: string;
  label: string;
  className: string;
}) {
  const [state, run, pending] = useActionState(startStoreOutage, { status: "idle" } as ActionResult);
  const id = useId();
  return (
    <form action={run} className="flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="store" value={store} />
      <label htmlFor={id} className="font-medium">
        Seconds<span className="sr-only"> of {what} outage</span>
      </label>
      <input
        id={id}
        name="seconds"
        type="number"
        min={5}
        max={600}
        defaultValue={60}
        required
        className={input}
      />
      <button type="submit" disabled={pending} className={className}>
        {pending ? "Working…" : label}
      </button>
      <span
        role="status"
        aria-live="polite"
        className={`basis-full text-xs ${state.status === "error" ? "text-red-700 dark:text-red-300" : "text-green-800 dark:text-green-300"}`}
      >
        {state.status === "idle" ? "" : state.message}
      </span>
    </form>
  );
}
