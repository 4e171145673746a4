"use client";

import { signIn } from "next-auth/react";
import { signInErrorMessage } from "@/features/signin/messages";

/**
 * The real Auth.js sign-in for a participant: POST /api/auth/callback/participant (next-auth/react
 * fetches the CSRF token first). The credential is the HttpOnly key cookie this browser already
 * holds, so there is nothing to send; the session is made in this browser's current mode.
 * Returns an error sentence, or navigates to `next`.
 */
export const UNREACHABLE =
  "The server could not be reached, so you are not signed in yet. Try again in a moment.";

export async function signInAsParticipant(next: string): Promise<string | null> {
  let res: Awaited<ReturnType<typeof signIn>>;
  try {
    res = await signIn("participant", { redirect: false });
  } catch {
    // No answer, or not one Auth.js wrote (a dropped Wi-Fi, a proxy's error page): say so, keep the form usable.
    return UNREACHABLE;
  }
  if (res?.error) {
    return res.error === "CredentialsSignin"
      ? "This browser's participant key is not valid any more: join again, or pair this device with a code."
      : (signInErrorMessage(res.error, res.code) ?? res.error);
  }
  window.location.assign(next);
  return null;
}
