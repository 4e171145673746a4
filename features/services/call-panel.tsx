"use client";

import { type ReactNode, useActionState } from "react";
import type { CallAction, CallState } from "./types";

const idle: CallState = { status: "idle" };

/**
 * One way of calling the orders service: a button, a live status line, and what the call cost.
 * The numbers come from two places on purpose: the round trip is timed by the app (network and
 * everything), the verification cost and the list of what was reached by the service itself.
 */
export function CallPanel({
  action,
  title,
  button,
  children,
}: {
  action: CallAction;
  title: string;
  button: string;
  children: ReactNode;
}) {
  const [state, run, pending] = useActionState(action, idle);
  const call = state.call;
  const id = title.toLowerCase().replace(/[^a-z]+/g, "-");
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      <div className="mt-1 text-sm text-slate-700 dark:text-slate-300">{children}</div>
      <form action={run} className="mt-3">
        <button
          type="submit"
          disabled={pending}
          className="inline-flex items-center rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50"
        >
          {pending ? "Calling…" : button}
        </button>
      </form>
      <p
        role="status"
        aria-live="polite"
        className={`mt-2 text-sm ${state.status === "error" ? "text-red-700 dark:text-red-300" : "text-green-800 dark:text-green-300"}`}
      >
        {state.status === "idle" ? "" : state.message}
      </p>
      {call?.status ? (
        <dl className="mt-3 grid gap-x-3 text-sm sm:grid-cols-[auto_1fr] sm:gap-y-1 [&>dd]:mb-1 sm:[&>dd]:mb-0">
          <dt className="text-slate-600 dark:text-slate-400">Round trip (measured by the app)</dt>
          <dd className="font-mono">{call.roundTripMs.toFixed(1)} ms</dd>
          {call.mintMs !== null ? (
            <>
              <dt className="text-slate-600 dark:text-slate-400">Minting the token first</dt>
              <dd className="font-mono">{call.mintMs.toFixed(1)} ms</dd>
            </>
          ) : null}
          <dt className="text-slate-600 dark:text-slate-400">Verification (reported by the service)</dt>
          <dd className="font-mono">
            {call.verification ? `${call.verification.method}, ${call.verification.ms.toFixed(2)} ms` : "—"}
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">What the service had to reach</dt>
          <dd>{call.verification?.contacted.length ? call.verification.contacted.join(", ") : "nothing"}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Orders</dt>
          <dd>
            {call.orders.length
              ? call.orders.map((o) => `${o.quantity} × ${o.item} (${o.placedOn})`).join("; ")
              : "none"}
          </dd>
        </dl>
      ) : null}
    </section>
  );
}
