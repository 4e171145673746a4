"use client";

import { signIn } from "next-auth/react";
import { signInErrorMessage } from "@/features/signin/messages";

/**
 * The real Auth.js sign-in for a participant: POST /api/auth/callback/participant (next-auth/react
 * fetches the CSRF token first). The credential is the HttpOnly key cookie this browser already
 * holds, so there is nothing to send; the session is made in this browser's current mode.
 * Returns an error sentence, or navigates to `next`.
 */
export async function signInAsParticipant(next: string): Promise<string | null> {
  const res = await signIn("participant", { redirect: false });
  if (res?.error) {
    return res.error === "CredentialsSignin"
      ? "This browser's participant key is not valid any more: join again, or pair this device with a code."
      : (signInErrorMessage(res.error, res.code) ?? res.error);
  }
  window.location.assign(next);
  return null;
}
