"use client";

import { useActionState } from "react";
import { quietButtonClass } from "@/features/ui/card";
import type { ActionResult } from "@/lib/actions/guard";
import { newPairingCode } from "./actions";

/** Shows a one-time code for a second device, large enough to read across a desk. */
export function PairingCode() {
  const [state, run, pending] = useActionState(newPairingCode, { status: "idle" } as ActionResult);
  const code = state.status === "ok" ? /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(state.message)?.[1] : null;
  return (
    <form action={run} className="space-y-2">
      <button type="submit" disabled={pending} className={quietButtonClass}>
        {code ? "Show a new code" : "Show a pairing code"}
      </button>
      {code ? (
        <p className="font-mono text-3xl tracking-widest" aria-hidden="true">
          {code}
        </p>
      ) : null}
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${state.status === "error" ? "text-red-700 dark:text-red-300" : ""}`}
      >
        {state.status === "idle" ? "" : state.message}
      </p>
    </form>
  );
}
