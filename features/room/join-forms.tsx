"use client";

import { useState } from "react";
import { buttonClass, quietButtonClass } from "@/features/ui/card";
import type { ActionResult, ServerAction } from "@/lib/actions/guard";
import { joinRoom, pairDevice } from "./actions";
import { signInAsParticipant, UNREACHABLE } from "./participant-sign-in";

/**
 * Joining and pairing: a server action hands this browser its participant key (an HttpOnly
 * cookie), then the sign-in goes through Auth.js like any other. One status line per form.
 */
function useKeyThenSignIn(action: ServerAction, next: string) {
  const [status, setStatus] = useState<ActionResult>({ status: "idle" });
  const [busy, setBusy] = useState(false);
  async function submit(form: FormData) {
    setBusy(true);
    try {
      const got = await action({ status: "idle" }, form);
      setStatus(got);
      if (got.status === "ok") {
        const error = await signInAsParticipant(next);
        if (error) setStatus({ status: "error", message: error });
      }
    } catch {
      setStatus({ status: "error", message: UNREACHABLE });
    } finally {
      setBusy(false);
    }
  }
  return { status, busy, submit };
}

const field = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700";

function Status({ s }: { s: ActionResult }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={`mt-2 text-sm ${s.status === "error" ? "text-red-700 dark:text-red-300" : "text-green-800 dark:text-green-300"}`}
    >
      {s.status === "idle" ? "" : s.message}
    </p>
  );
}

export function JoinForm({ next = "/" }: { next?: string }) {
  const { status, busy, submit } = useKeyThenSignIn(joinRoom, next);
  return (
    <form
      action={submit}
      aria-labelledby="join-title"
      className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="join-title" className="text-lg font-semibold">
        Join the room
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Just a name for the instructor to see: no email, no password. This browser keeps a key that signs you
        in again after you sign out.
      </p>
      <label className="mt-4 block text-sm font-medium">
        Display name
        <input name="name" required minLength={1} maxLength={40} autoComplete="nickname" className={field} />
      </label>
      <button type="submit" disabled={busy} className={`${buttonClass} mt-4`}>
        Join
      </button>
      <Status s={status} />
    </form>
  );
}

export function PairForm({ next = "/" }: { next?: string }) {
  const { status, busy, submit } = useKeyThenSignIn(pairDevice, next);
  return (
    <form
      action={submit}
      aria-labelledby="pair-title"
      className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="pair-title" className="text-lg font-semibold">
        Already joined on another device?
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        On that device, open Join and ask for a pairing code; type it here. It works once, for 5 minutes.
      </p>
      <label className="mt-4 block text-sm font-medium">
        Pairing code
        <input
          name="code"
          required
          maxLength={20}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          className={`${field} font-mono uppercase`}
        />
      </label>
      <button type="submit" disabled={busy} className={`${quietButtonClass} mt-4`}>
        Add this device
      </button>
      <Status s={status} />
    </form>
  );
}

/** "Sign in again" for a browser that holds a participant key (after signing out, or switching modes). */
export function SignInAgain({ name, next = "/" }: { name: string; next?: string }) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <button
        type="button"
        disabled={busy}
        className={buttonClass}
        onClick={async () => {
          setBusy(true);
          setError((await signInAsParticipant(next)) ?? "");
          setBusy(false);
        }}
      >
        Sign in again as {name}
      </button>
      <p role="status" aria-live="polite" className="mt-2 text-sm text-red-700 dark:text-red-300">
        {error}
      </p>
    </div>
  );
}
