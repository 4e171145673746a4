import "server-only";
import { recordEvent } from "@/lib/audit";
import { nowSeconds } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { COOKIES, setCookieLine } from "./cookies";
import { checkDenyList } from "./deny-list";
import { encodeSessionJwt } from "./jwt-codec";
import { lifetimes } from "./lifetimes";
import { refresh } from "./refresh";
import { addResponseCookie } from "./response-cookies";
import type { RequestScope } from "./scope";
import { sessionCookieLines } from "./session-cookie";

export type Minted =
  | { ok: true; accessToken: string; refreshToken: string; persistent: boolean; exp: number }
  | { ok: false; reason: string };

/**
 * Trade a refresh token for a new short-lived access token (and the refresh token's successor).
 * A refresh is a server lookup anyway, so it also honours the deny-list, whatever the switch says.
 */
export async function mintFromRefresh(raw: string, salt: string): Promise<Minted> {
  const result = await refresh(raw);
  if (!result.ok) return result;
  const user = await db.user.findUnique({ where: { id: result.userId } });
  if (!user) return { ok: false, reason: "The user no longer exists." };
  const authTime = Math.floor(result.authTime.getTime() / 1000);
  const denied = await checkDenyList({ sid: result.sid, sub: user.id, authTime });
  if (denied.denied) return { ok: false, reason: denied.reason };
  const at = nowSeconds();
  const exp = Math.min(at + lifetimes().accessS, authTime + lifetimes().absoluteS);
  const accessToken = await encodeSessionJwt(
    {
      mode: "jwt-refresh",
      sub: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      sid: result.sid,
      fam: result.familyId,
      authTime,
      persistent: result.persistent,
      exp,
    },
    salt,
    at,
  );
  await recordEvent("refreshed", {
    userId: user.id,
    strategy: "jwt-refresh",
    detail: `refresh token rotated in family ${result.familyId.slice(0, 8)}…; new access token for ${lifetimes().accessS} s`,
  });
  return { ok: true, accessToken, refreshToken: result.token, persistent: result.persistent, exp };
}

/** The cookies a browser gets for a minted pair: access token, refresh token, remember choice. */
export function mintedCookies(m: Extract<Minted, { ok: true }>, scope: RequestScope): string[] {
  const o = { secure: scope.secure, persistent: m.persistent };
  return [
    ...sessionCookieLines(m.accessToken, scope, { persistent: m.persistent }),
    setCookieLine(COOKIES.refresh, m.refreshToken, o),
    setCookieLine(COOKIES.remember, m.persistent ? "1" : "0", o),
  ];
}

export function clearingCookies(scope: RequestScope): string[] {
  return [
    ...sessionCookieLines(null, scope, { persistent: false }),
    setCookieLine(COOKIES.refresh, null, { secure: scope.secure }),
  ];
}

/** At sign-in (inside Auth.js's route handler): the refresh token rides in its own HttpOnly cookie. */
export function setRefreshCookie(token: string, persistent: boolean, secure: boolean): void {
  if (!addResponseCookie(setCookieLine(COOKIES.refresh, token, { secure, persistent })))
    throw new Error("a refresh token can only be issued while answering a sign-in request");
}
