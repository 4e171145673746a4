"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { buttonClass, quietButtonClass } from "@/features/ui/card";
import { signInErrorMessage } from "./messages";

type Status = { tone: "idle" | "error" | "ok"; text: string };

/**
 * The two sign-in forms. They post to Auth.js's own endpoints (/api/auth/callback/credentials and
 * /api/auth/signin/email) through next-auth/react, which fetches the CSRF token first.
 */
export function SignInForms({ callbackUrl }: { callbackUrl: string }) {
  const [status, setStatus] = useState<Status>({ tone: "idle", text: "" });
  const [busy, setBusy] = useState(false);

  async function onPassword(form: FormData) {
    setBusy(true);
    setStatus({ tone: "idle", text: "Signing in…" });
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      ...(form.get("remember") ? { remember: "on" } : {}),
      redirect: false,
    });
    setBusy(false);
    if (res?.error)
      return setStatus({ tone: "error", text: signInErrorMessage(res.error, res.code) ?? res.error });
    window.location.assign(callbackUrl);
  }

  async function onEmail(form: FormData) {
    setBusy(true);
    const res = await signIn("email", {
      email: String(form.get("email") ?? ""),
      ...(form.get("remember") ? { remember: "on" } : {}),
      redirect: false,
      redirectTo: callbackUrl,
    });
    setBusy(false);
    if (res?.error)
      return setStatus({ tone: "error", text: signInErrorMessage(res.error, res.code) ?? res.error });
    setStatus({
      tone: "ok",
      text: "Link sent. Open the Mailbox to find it (no real email leaves this machine).",
    });
  }

  const field = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700";
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form
        action={onPassword}
        aria-labelledby="pw-title"
        className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id="pw-title" className="text-lg font-semibold">
          Email and password
        </h2>
        <label className="mt-4 block text-sm font-medium">
          Email
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            maxLength={254}
            className={field}
          />
        </label>
        <label className="mt-3 block text-sm font-medium">
          Password
          <input name="password" type="password" autoComplete="current-password" required className={field} />
        </label>
        <RememberMe id="pw-remember" />
        <button type="submit" disabled={busy} className={`${buttonClass} mt-4`}>
          Sign in with password
        </button>
      </form>
      <form
        action={onEmail}
        aria-labelledby="ml-title"
        className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id="ml-title" className="text-lg font-semibold">
          Magic link
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Passwordless: Auth.js emails a one-time link. Here it lands in the in-app Mailbox.
        </p>
        <label className="mt-4 block text-sm font-medium">
          Email for the link
          <input name="email" type="email" autoComplete="email" required maxLength={254} className={field} />
        </label>
        <RememberMe id="ml-remember" />
        <button type="submit" disabled={busy} className={`${quietButtonClass} mt-4`}>
          Email me a sign-in link
        </button>
      </form>
      <p
        role="status"
        aria-live="polite"
        className={`md:col-span-2 text-sm ${status.tone === "error" ? "text-red-700 dark:text-red-300" : "text-green-800 dark:text-green-300"}`}
      >
        {status.text}
      </p>
    </div>
  );
}

function RememberMe({ id }: { id: string }) {
  return (
    <div className="mt-3 flex items-start gap-2 text-sm">
      <input id={id} name="remember" type="checkbox" className="mt-1" />
      <label htmlFor={id}>
        Remember me{" "}
        <span className="text-slate-600 dark:text-slate-400">
          (a persistent cookie; unchecked, the cookie dies with the browser)
        </span>
      </label>
    </div>
  );
}
