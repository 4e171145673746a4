"use client";

import { useActionState } from "react";
import { dangerButtonClass } from "@/features/ui/card";
import type { ActionResult } from "@/lib/actions/guard";
import { resetRoomAction } from "./actions";

/**
 * "Reset the room", confirmed by a checkbox the server checks too (a forged request without it is
 * refused): no dialog to dismiss by reflex, and it works without JavaScript and by keyboard.
 */
export function ResetForm() {
  const [state, run, pending] = useActionState(resetRoomAction, { status: "idle" } as ActionResult);
  return (
    <form
      action={run}
      className="mt-4 space-y-2 border-t border-slate-200 pt-4 text-sm dark:border-slate-700"
    >
      <p className="text-slate-700 dark:text-slate-300">
        Clears stolen copies and replays, mail, the deny-list, refresh families and rotated keys, and puts the
        clock back to real time. Participants, their sessions and their lab progress stay.
      </p>
      <div className="flex items-start gap-2">
        <input id="reset-confirm" name="confirm" value="yes" type="checkbox" required className="mt-1" />
        <label htmlFor="reset-confirm">Yes, reset the room for everyone</label>
      </div>
      <button type="submit" disabled={pending} className={dangerButtonClass}>
        {pending ? "Resetting…" : "Reset the room"}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={
          state.status === "error" ? "text-red-700 dark:text-red-300" : "text-green-800 dark:text-green-300"
        }
      >
        {state.status === "idle" ? "" : state.message}
      </p>
    </form>
  );
}
