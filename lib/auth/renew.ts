import "server-only";
import { nowSeconds, syncClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { rememberCookieLine } from "./cookie-policy";
import { isDenied } from "./deny-list";
import { decodeSessionJwt, encodeSessionJwt } from "./jwt-codec";
import { REFRESH_COOKIE, refresh } from "./refresh";
import { contextFrom, sessionCookieName } from "./request";

/** Renew this many seconds before exp, so a page never renders with a token about to lapse. */
const EARLY_S = 5;
const codec = () => ({ mode: "jwt-refresh" as const, enforceDenyList: false });

export type Minted =
  | { ok: true; accessToken: string; refreshToken: string; persistent: boolean; exp: number }
  | { ok: false; reason: string };

/**
 * Trade a refresh token for a new short-lived access token (and the refresh token's successor).
 * A refresh is a server lookup anyway, so it also honours the deny-list.
 */
export async function mintFromRefresh(raw: string, cookieName: string): Promise<Minted> {
  await syncClock();
  const result = await refresh(raw);
  if (!result.ok) return result;
  const user = await db.user.findUnique({ where: { id: result.userId } });
  if (!user) return { ok: false, reason: "The user no longer exists." };
  const authTime = Math.floor(result.authTime.getTime() / 1000);
  const denied = await isDenied({ sid: result.sid, sub: user.id, authTime });
  if (denied) return { ok: false, reason: denied };
  const claims = {
    mode: "jwt-refresh",
    sub: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    sid: result.sid,
    fam: result.familyId,
    authTime,
    persistent: result.persistent,
  };
  const accessToken = await encodeSessionJwt({ token: claims, salt: cookieName, secret: "" }, codec());
  const exp = Math.min(nowSeconds() + env.AUTH_ACCESS_TOKEN_TTL, authTime + env.AUTH_ABSOLUTE_MAX_AGE);
  return {
    ok: true,
    accessToken,
    refreshToken: result.token,
    persistent: result.persistent,
    exp,
  };
}

export function mintedCookies(
  m: Extract<Minted, { ok: true }>,
  cookieName: string,
  secure: boolean,
): string[] {
  const flags = `; Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  const life = (seconds: number) => (m.persistent ? `; Max-Age=${seconds}` : "");
  return [
    `${cookieName}=${m.accessToken}${flags}${life(env.AUTH_SESSION_MAX_AGE)}`,
    `${REFRESH_COOKIE}=${m.refreshToken}${flags}${life(env.AUTH_REFRESH_TOKEN_TTL)}`,
    rememberCookieLine(m.persistent, secure),
  ];
}

export function clearingCookies(cookieName: string, secure: boolean): string[] {
  const clear = (n: string) => `${n}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  return [clear(cookieName), clear(REFRESH_COOKIE)];
}

export interface Renewal {
  /** The Cookie header the page should see (null: unchanged). */
  cookieHeader: string | null;
  setCookies: string[];
}

/**
 * "JWT + refresh" mode, in the proxy: when the short-lived access token is missing or about to
 * expire and the browser holds a refresh token, rotate it and mint a new access token.
 */
export async function renewAccessToken(req: Request, jar: Map<string, string>): Promise<Renewal> {
  const ctx = contextFrom(req.headers, jar);
  const refreshRaw = jar.get(REFRESH_COOKIE);
  if (ctx.strategy !== "jwt-refresh" || !refreshRaw) return { cookieHeader: null, setCookies: [] };
  await syncClock();
  const name = sessionCookieName(ctx.secure);
  const access = jar.get(name);
  const current = access ? await decodeSessionJwt({ token: access, salt: name, secret: "" }, codec()) : null;
  if (current && Number(current.exp) - nowSeconds() > EARLY_S) return { cookieHeader: null, setCookies: [] };

  const minted = await mintFromRefresh(refreshRaw, name);
  if (!minted.ok) {
    jar.delete(name);
    jar.delete(REFRESH_COOKIE);
    return { cookieHeader: serialize(jar), setCookies: clearingCookies(name, ctx.secure) };
  }
  jar.set(name, minted.accessToken);
  jar.set(REFRESH_COOKIE, minted.refreshToken);
  return { cookieHeader: serialize(jar), setCookies: mintedCookies(minted, name, ctx.secure) };
}

function serialize(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; ");
}
