"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { signOut } from "@/auth";
import { sessionCookieValue } from "@/lib/auth/describe";
import { REFRESH_COOKIE } from "@/lib/auth/refresh";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGIES, STRATEGY_COOKIE, STRATEGY_LABELS } from "@/lib/auth/strategy";
import { env } from "@/lib/env";

export type StrategyResult =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "error"; message: string };

const input = z.object({ strategy: z.enum(STRATEGIES) });

/**
 * Switch this browser's strategy. Both strategies use Auth.js's one session cookie name, so a
 * cookie from the old mode would fail under the new one: we sign the user out through Auth.js
 * first (deleting the session row in database mode), then flip the preference cookie.
 */
export async function switchStrategy(_prev: StrategyResult, form: FormData): Promise<StrategyResult> {
  const parsed = input.safeParse({ strategy: form.get("strategy") });
  if (!parsed.success) return { status: "error", message: "Pick Database, JWT or JWT + refresh." };
  if (env.AUTH_STRATEGY_LOCKED) {
    return {
      status: "error",
      message: `The server is locked to ${STRATEGY_LABELS[env.AUTH_SESSION_STRATEGY]} (AUTH_STRATEGY_LOCKED=1).`,
    };
  }
  const next = parsed.data.strategy;
  const { session, ctx } = await getAuthState();
  if (next === ctx.strategy) return { status: "ok", message: `Already using ${STRATEGY_LABELS[next]}.` };

  let signedOut = "";
  if (session || sessionCookieValue(ctx)) {
    await signOut({ redirect: false });
    (await cookies()).delete(REFRESH_COOKIE); // refresh mode's second cookie means nothing in another mode
    signedOut =
      ctx.strategy === "database"
        ? " You were signed out of your database session and its row was deleted."
        : " You were signed out: your JWT cookie was removed from this browser.";
  }
  const jar = await cookies();
  jar.set(STRATEGY_COOKIE, next, { path: "/", sameSite: "lax", httpOnly: false, maxAge: 365 * 24 * 3600 });
  revalidatePath("/", "layout");
  return {
    status: "ok",
    message: `Now using ${STRATEGY_LABELS[next]} sessions.${signedOut}${signedOut ? " Sign in again to get a new one." : ""}`,
  };
}
