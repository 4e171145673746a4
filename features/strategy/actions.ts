"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { signOut } from "@/auth";
import { publicAction } from "@/lib/actions/guard";
import { COOKIES, cookieOptions } from "@/lib/auth/cookies";
import { sessionCredential } from "@/lib/auth/scope";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGIES, STRATEGY_LABELS } from "@/lib/auth/strategy";
import { env } from "@/lib/env";

const input = z.object({
  strategy: z.enum(STRATEGIES, { message: "Pick one of the modes in the list." }),
});

/**
 * Switch this browser's mode. Every mode uses Auth.js's one session cookie name, so a cookie from
 * the old mode would fail under the new one: the user is signed out through Auth.js first
 * (deleting the session row in database modes), then the preference cookie flips.
 */
export const switchStrategy = publicAction(input, async ({ strategy: next }) => {
  if (env.AUTH_STRATEGY_LOCKED) {
    return {
      status: "error",
      message: `The server is locked to ${STRATEGY_LABELS[env.AUTH_SESSION_STRATEGY]} (AUTH_STRATEGY_LOCKED=1).`,
    };
  }
  const { verdict, scope } = await getAuthState();
  if (next === scope.strategy) return { status: "ok", message: `Already using ${STRATEGY_LABELS[next]}.` };

  let signedOut = "";
  const jar = await cookies();
  if (verdict.status === "signed-in" || sessionCredential(scope)) {
    await signOut({ redirect: false });
    signedOut = " You were signed out of your previous session. Sign in again to get a new one.";
  }
  // The old mode's companions (refresh token, session cache) mean nothing in another mode.
  for (const id of ["refresh", "cache"] as const) jar.delete(COOKIES[id].name(scope.secure));
  jar.set(
    COOKIES.strategy.name(scope.secure),
    next,
    cookieOptions(COOKIES.strategy, { secure: scope.secure }),
  );
  revalidatePath("/", "layout");
  return { status: "ok", message: `Now using ${STRATEGY_LABELS[next]} sessions.${signedOut}` };
});
