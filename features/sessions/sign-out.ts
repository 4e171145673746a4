"use server";

import { signOut } from "@/auth";

/** Sign-out through Auth.js: deletes the session row (database) or drops the cookie (JWT). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/?signedOut=1" });
}
