import "server-only";
import { nowSeconds, syncClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { rememberCookieLine } from "./cookie-policy";
import { decodeSessionJwt, encodeSessionJwt } from "./jwt-codec";
import { REFRESH_COOKIE, type RefreshResult, refresh } from "./refresh";
import { contextFrom, sessionCookieName } from "./request";

/** Renew this many seconds before exp, so a page never renders with a token about to lapse. */
const EARLY_S = 5;

export interface Renewal {
  /** The Cookie header the page should see (null: unchanged). */
  cookieHeader: string | null;
  setCookies: string[];
  result?: RefreshResult;
}

/**
 * "JWT + refresh" mode: when the short-lived access token is missing or about to expire and the
 * browser holds a refresh token, rotate the refresh token and mint a new access token.
 */
export async function renewAccessToken(req: Request, jar: Map<string, string>): Promise<Renewal> {
  const ctx = contextFrom(req.headers, jar);
  const none: Renewal = { cookieHeader: null, setCookies: [] };
  const refreshRaw = jar.get(REFRESH_COOKIE);
  if (ctx.strategy !== "jwt-refresh" || !refreshRaw) return none;
  await syncClock();
  const name = sessionCookieName(ctx.secure);
  const access = jar.get(name);
  const codec = { ttl: env.AUTH_ACCESS_TOKEN_TTL, enforceDenyList: false, slide: false };
  const current = access ? await decodeSessionJwt({ token: access, salt: name, secret: "" }, codec) : null;
  if (current && Number(current.exp) - nowSeconds() > EARLY_S) return none;

  const result = await refresh(refreshRaw);
  const secure = ctx.secure ? "; Secure" : "";
  if (!result.ok) {
    jar.delete(name);
    jar.delete(REFRESH_COOKIE);
    const clear = (n: string) => `${n}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`;
    return { cookieHeader: serialize(jar), setCookies: [clear(name), clear(REFRESH_COOKIE)], result };
  }
  const user = await db.user.findUnique({ where: { id: result.userId } });
  if (!user)
    return {
      cookieHeader: null,
      setCookies: [],
      result: { ok: false, reason: "The user no longer exists." },
    };
  const claims = {
    sub: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    sid: result.sid,
    fam: result.familyId,
    authTime: Math.floor(result.authTime.getTime() / 1000),
    persistent: result.persistent,
  };
  const token = await encodeSessionJwt({ token: claims, salt: name, secret: "" }, codec);
  jar.set(name, token);
  jar.set(REFRESH_COOKIE, result.token);
  const life = (seconds: number) => (result.persistent ? `; Max-Age=${seconds}` : "");
  return {
    cookieHeader: serialize(jar),
    setCookies: [
      `${name}=${token}; Path=/; HttpOnly; SameSite=Lax${life(env.AUTH_SESSION_MAX_AGE)}${secure}`,
      `${REFRESH_COOKIE}=${result.token}; Path=/; HttpOnly; SameSite=Lax${life(env.AUTH_REFRESH_TOKEN_TTL)}${secure}`,
      rememberCookieLine(result.persistent, ctx.secure),
    ],
    result,
  };
}

function serialize(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; ");
}
