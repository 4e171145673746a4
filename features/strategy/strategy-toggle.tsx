"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/guard";
import { switchStrategy } from "./actions";

interface Props {
  current: string;
  locked: boolean;
  signedIn: boolean;
  options: { value: string; label: string }[];
}

const control =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

/**
 * The one control the whole lab turns on. Choosing in the list changes nothing by itself (arrow
 * keys must not sign anyone out): "Switch" does, after a confirmation when it would end a session.
 * Without JavaScript the form still posts.
 */
export function StrategyToggle({ current, locked, signedIn, options }: Props) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(switchStrategy, { status: "idle" });
  const [choice, setChoice] = useState(current);
  const [confirming, setConfirming] = useState(false);
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    // The server switched (or another tab did): start again from what is in force now.
    setShown(current);
    setChoice(current);
    setConfirming(false);
  }
  const changed = choice !== current;
  const label = options.find((o) => o.value === choice)?.label ?? choice;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <label htmlFor="strategy" className="text-sm font-medium">
        Session strategy
      </label>
      <select
        id="strategy"
        name="strategy"
        value={choice}
        disabled={locked || pending}
        onChange={(e) => {
          setChoice(e.target.value);
          setConfirming(false);
        }}
        className={control}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {changed && !confirming ? (
        signedIn ? (
          <button type="button" onClick={() => setConfirming(true)} className={control}>
            Switch strategy
          </button>
        ) : (
          <button type="submit" disabled={pending} className={control}>
            Switch strategy
          </button>
        )
      ) : null}
      {changed && confirming ? (
        <fieldset aria-label="Confirm the switch" className="flex flex-wrap items-center gap-2 text-sm">
          <span>Switching to {label} signs you out.</span>
          <button
            type="submit"
            // biome-ignore lint/a11y/noAutofocus: the confirmation replaces the button that had focus
            autoFocus
            disabled={pending}
            className="rounded-md bg-amber-600 px-2 py-1 text-sm font-medium text-white hover:bg-amber-700"
          >
            Switch and sign out
          </button>
          <button type="button" onClick={() => setChoice(current)} className={control}>
            Cancel
          </button>
        </fieldset>
      ) : null}
      <noscript>
        <button type="submit" className={control}>
          Switch strategy
        </button>
      </noscript>
      {locked ? (
        <span className="text-xs text-amber-800 dark:text-amber-300">Locked by the server</span>
      ) : null}
      <p role="status" aria-live="polite" className="basis-full text-sm empty:hidden">
        {state.status === "idle" ? null : (
          <span
            className={
              state.status === "error"
                ? "text-red-700 dark:text-red-300"
                : "text-green-800 dark:text-green-400"
            }
          >
            {state.message}
          </span>
        )}
      </p>
    </form>
  );
}
