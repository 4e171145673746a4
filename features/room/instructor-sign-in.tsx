"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { signInErrorMessage } from "@/features/signin/messages";
import { buttonClass } from "@/features/ui/card";

/**
 * The instructor's sign-in in a workshop: the secret printed when the server started (or
 * INSTRUCTOR_SECRET). A real Auth.js sign-in (provider "instructor"), rate limited like passwords.
 */
export function InstructorSignIn() {
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  async function onSubmit(form: FormData) {
    setBusy(true);
    setStatus("Signing in…");
    const res = await signIn("instructor", { secret: String(form.get("secret") ?? ""), redirect: false });
    setBusy(false);
    if (!res?.error) return window.location.assign("/instructor");
    setStatus(
      res.error === "CredentialsSignin" && res.code !== "rate_limited"
        ? "That is not the instructor's secret."
        : (signInErrorMessage(res.error, res.code) ?? res.error),
    );
  }

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Instructor console</h1>
      <p className="text-slate-700 dark:text-slate-300">
        This server runs a workshop. Sign in with the instructor's secret: the one printed in the terminal
        when the server started, or INSTRUCTOR_SECRET if it was set. Participants join at{" "}
        <a href="/join" className="text-blue-700 underline dark:text-blue-300">
          /join
        </a>
        .
      </p>
      <form
        action={onSubmit}
        aria-labelledby="instructor-title"
        className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id="instructor-title" className="text-lg font-semibold">
          Instructor secret
        </h2>
        <label className="mt-3 block text-sm font-medium">
          Secret
          <input
            name="secret"
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700"
          />
        </label>
        <button type="submit" disabled={busy} className={`${buttonClass} mt-4`}>
          Sign in as the instructor
        </button>
        <p role="status" aria-live="polite" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {status}
        </p>
      </form>
    </div>
  );
}
