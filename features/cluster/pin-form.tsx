"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/guard";
import { pinInstance } from "./actions";

const control =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

/**
 * Cluster mode: choose which instance answers this browser's next requests. This response was
 * rendered by one instance; the pin takes effect from the next request on (reload to see it).
 */
export function PinForm({ instances, pinned }: { instances: string[]; pinned: string | null }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(pinInstance, { status: "idle" });
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <label htmlFor="pin-instance" className="font-medium">
        Send my next requests to
      </label>
      <select id="pin-instance" name="instance" defaultValue={pinned ?? ""} className={control}>
        <option value="">any instance (round-robin)</option>
        {instances.map((name) => (
          <option key={name} value={name}>
            instance {name} only
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className={control}>
        {pending ? "Saving…" : "Apply"}
      </button>
      <span
        role="status"
        aria-live="polite"
        className={
          state.status === "error" ? "text-red-700 dark:text-red-300" : "text-green-800 dark:text-green-400"
        }
      >
        {state.status === "idle" ? "" : state.message}
      </span>
    </form>
  );
}
