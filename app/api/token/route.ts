import { type NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { recordEvent } from "@/lib/audit";
import { checkPassword, RateLimitedSignIn } from "@/lib/auth/providers";
import { passwordBlocked } from "@/lib/auth/rate-limit";
import { scopeOfRequest } from "@/lib/auth/scope";
import { resolveStrategy } from "@/lib/auth/strategy";
import { issueClientSession } from "@/lib/auth/token-grant";
import { atFixedTime } from "@/lib/clock";
import { env } from "@/lib/env";
import { NO_STORE, oauthError, readJson, storeUnavailable, tooManyAttempts } from "@/lib/http/oauth";
import { StoreUnavailableError } from "@/lib/store/gate";

/**
 * POST /api/token: sign in without a browser (the CLI), with JSON
 * `{ "grant_type": "password", "username", "password", "mode"? }`. The same password check and
 * the same rate limits as the sign-in form (429 with Retry-After), then a real session of the
 * mode asked for (the server's default mode when none is given, or when the server is locked).
 * The answer carries the token(s) in its body: this client has no cookie jar to put them in.
 */
export const dynamic = "force-dynamic";

const request = z.object({
  grant_type: z.string().max(64),
  username: z.string().max(320),
  password: z.string().max(200),
  mode: z.enum(["database", "jwt", "jwt-refresh"]).optional(),
});

export async function POST(req: NextRequest) {
  const body = await readJson(req);
  if (typeof body === "string") return oauthError(400, "invalid_request", body);
  const parsed = request.safeParse(body.json);
  if (!parsed.success)
    return oauthError(
      400,
      "invalid_request",
      'Send { "grant_type": "password", "username", "password", "mode": "database" | "jwt" | "jwt-refresh" }.',
    );
  const { grant_type, username, password, mode } = parsed.data;
  if (grant_type !== "password")
    return oauthError(400, "unsupported_grant_type", "Only the password grant is offered here.");
  const scope = scopeOfRequest(req);
  const email = username.trim().toLowerCase();
  try {
    const blocked = await passwordBlocked(email, scope.ip);
    if (blocked) return tooManyAttempts(blocked.retryAfterS, blocked.reason);
    let user: Awaited<ReturnType<typeof checkPassword>>;
    try {
      user = await checkPassword({ email, password }, scope.ip);
    } catch (error) {
      if (!(error instanceof RateLimitedSignIn)) throw error;
      const limit = await passwordBlocked(email, scope.ip);
      return tooManyAttempts(limit?.retryAfterS ?? 60, limit?.reason ?? "Too many sign-ins at once.");
    }
    if (!user) return oauthError(400, "invalid_grant", "Wrong email or password.");
    const signedIn = user;
    const strategy = resolveStrategy(mode, {
      fallback: env.AUTH_SESSION_STRATEGY,
      locked: env.AUTH_STRATEGY_LOCKED,
    });
    const issued = await atFixedTime(() =>
      issueClientSession(strategy, { scope, user: signedIn, persistent: true, token: {} }),
    );
    await recordEvent("sign-in", {
      userId: signedIn.id,
      strategy,
      detail: `password, ${strategy} mode, token endpoint (no browser)`,
    });
    return NextResponse.json(
      {
        access_token: issued.accessToken,
        token_type: "Bearer",
        expires_in: issued.expiresIn,
        ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
        session_mode: strategy,
      },
      { headers: NO_STORE },
    );
  } catch (error) {
    if (error instanceof StoreUnavailableError) return storeUnavailable(error.message);
    throw error;
  }
}
