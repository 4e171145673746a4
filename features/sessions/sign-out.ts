"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { noInput, publicAction } from "@/lib/actions/guard";
import { recordEvent } from "@/lib/audit";
import { COOKIES } from "@/lib/auth/cookies";
import { getAuthState } from "@/lib/auth/state";
import { revokedWith } from "@/lib/revocation/after-revoke";

/**
 * Sign-out through Auth.js: deletes the session row (database modes) or only drops the cookie
 * (JWT; refresh mode also revokes its refresh family). The cookies a mode adds (refresh token,
 * session cache) go too. The lab's attacker then replays any stolen copy, which shows the difference.
 */
export const signOutAction = publicAction(noInput, async () => {
  const { verdict, scope } = await getAuthState();
  await signOut({ redirect: false });
  const jar = await cookies();
  for (const id of ["refresh", "cache"] as const) jar.delete(COOKIES[id].name(scope.secure));
  if (verdict.status === "signed-in") {
    await recordEvent("sign-out", {
      userId: verdict.user.id,
      strategy: verdict.strategy,
      detail: `${verdict.strategy} mode`,
    });
    await revokedWith(verdict.user.id, "sign-out", verdict.strategy);
  }
  redirect("/?signedOut=1");
});
