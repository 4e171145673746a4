"use client";

import { useActionState, useRef } from "react";
import { type StrategyResult, switchStrategy } from "./actions";

interface Props {
  current: string;
  locked: boolean;
  options: { value: string; label: string }[];
}

/** The one control the whole lab turns on. Works without JavaScript via the Switch button. */
export function StrategyToggle({ current, locked, options }: Props) {
  const [state, action, pending] = useActionState<StrategyResult, FormData>(switchStrategy, {
    status: "idle",
  });
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={action} className="flex flex-wrap items-center gap-2">
      <label htmlFor="strategy" className="text-sm font-medium">
        Session strategy
      </label>
      <select
        id="strategy"
        name="strategy"
        defaultValue={current}
        key={current}
        disabled={locked || pending}
        onChange={() => form.current?.requestSubmit()}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-md border px-2 py-1 text-sm">
          Switch
        </button>
      </noscript>
      {locked ? <span className="text-xs text-amber-800">Locked by the server</span> : null}
      <p role="status" aria-live="polite" className="basis-full text-sm">
        {state.status === "idle" ? (
          ""
        ) : (
          <span className={state.status === "error" ? "text-red-700" : "text-green-800"}>
            {state.message}
          </span>
        )}
      </p>
    </form>
  );
}
