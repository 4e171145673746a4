"use client";

import { useActionState, useId } from "react";
import { buttonClass } from "@/features/ui/card";
import type { ChoiceState, LabAction } from "./types";

const IDLE = { status: "idle" } as const;
const TONE = {
  strong: "text-green-800 dark:text-green-300",
  workable: "text-amber-900 dark:text-amber-300",
  risky: "text-red-700 dark:text-red-300",
} as const;

/** One product of lab 7: a mode, a reason, and the server's feedback. */
export function ChoiceForm({
  action,
  scenario,
  title,
  need,
  modes,
}: {
  action: LabAction<ChoiceState>;
  scenario: string;
  title: string;
  need: string;
  modes: { value: string; label: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, IDLE as ChoiceState);
  const id = useId();
  return (
    <form
      action={formAction}
      aria-labelledby={`${id}-h`}
      className="space-y-2 rounded-lg border border-slate-300 p-4 dark:border-slate-700"
    >
      <h3 id={`${id}-h`} className="font-semibold">
        {title}
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">Needs most: {need}</p>
      <input type="hidden" name="scenario" value={scenario} />
      <label htmlFor={`${id}-mode`} className="block text-sm font-medium">
        Mode for {title.toLowerCase()}
      </label>
      <select
        id={`${id}-mode`}
        name="mode"
        required
        defaultValue=""
        className="rounded border border-slate-300 p-1.5 dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="" disabled>
          Choose a mode
        </option>
        {modes.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
        Why, for {title.toLowerCase()}
      </label>
      <textarea
        id={`${id}-reason`}
        name="reason"
        rows={2}
        required
        className="w-full rounded border border-slate-300 p-2 dark:border-slate-700 dark:bg-slate-900"
      />
      <button type="submit" className={buttonClass} disabled={pending}>
        Submit my choice
      </button>
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${state.status === "ok" && state.verdict ? TONE[state.verdict] : "text-red-700 dark:text-red-300"}`}
      >
        {state.status === "idle" ? "" : state.message}
      </p>
    </form>
  );
}
