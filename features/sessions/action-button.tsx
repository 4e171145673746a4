"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/guard";

interface Props {
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  label: string;
  fields?: Record<string, string>;
  className: string;
  /** Accessible name when the visible label is ambiguous in a list ("Revoke" × 3). */
  ariaLabel?: string;
}

/** A one-button server-action form with its own live status line: the revocation panel's building block. */
export function ActionButton({ action, label, fields, className, ariaLabel }: Props) {
  const [state, run, pending] = useActionState(action, { status: "idle" } as ActionResult);
  return (
    <form action={run} className="inline-flex flex-col gap-1">
      {Object.entries(fields ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" disabled={pending} aria-label={ariaLabel} className={className}>
        {pending ? "Working…" : label}
      </button>
      <span
        role="status"
        aria-live="polite"
        className={`text-xs ${state.status === "error" ? "text-red-700 dark:text-red-300" : "text-green-800 dark:text-green-300"}`}
      >
        {state.status === "idle" ? "" : state.message}
      </span>
    </form>
  );
}
