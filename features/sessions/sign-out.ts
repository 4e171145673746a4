"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { REFRESH_COOKIE } from "@/lib/auth/refresh";
import { getAuthState } from "@/lib/auth/state";
import { revokedWith } from "@/lib/revocation/after-revoke";

/**
 * Sign-out through Auth.js: deletes the session row (database) or only drops the cookie (JWT).
 * The lab's attacker then replays any stolen copy, which shows the difference.
 */
export async function signOutAction(): Promise<void> {
  const { session } = await getAuthState();
  await signOut({ redirect: false });
  (await cookies()).delete(REFRESH_COOKIE); // its family was revoked by Auth.js's signOut event
  if (session) await revokedWith(session.user.id, "sign-out", "Signed out.");
  redirect("/?signedOut=1");
}
