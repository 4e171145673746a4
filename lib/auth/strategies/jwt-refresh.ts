import "server-only";
import { nowSeconds } from "@/lib/clock";
import { COOKIES } from "../cookies";
import { decodeSessionJwt } from "../jwt-codec";
import { duration } from "../lifetimes";
import { startRefreshFamily } from "../refresh";
import { clearingCookies, mintedCookies, mintFromRefresh, setRefreshCookie } from "../refresh-tokens";
import { type RequestScope, sessionCredential } from "../scope";
import { step } from "../trace";
import { decodeForAuthJs, encodeForAuthJs, jwtClaimsAtSignIn, readJwt } from "./jwt-shared";
import type { Renewal, StrategyModule } from "./types";

/** Renew this many seconds before exp, so a page never renders with a token about to lapse. */
const EARLY_S = 5;

/**
 * "JWT + refresh", in the proxy, before the page reads the session: when the short-lived access
 * token is missing or about to expire and the browser holds a refresh token, rotate it and mint a
 * new access token. The page then sees the new cookie.
 */
async function renewAccessToken(scope: RequestScope): Promise<Renewal | null> {
  const refreshRaw = scope.cookies.get(COOKIES.refresh.name(scope.secure));
  if (!refreshRaw) return null;
  const salt = COOKIES.session.name(scope.secure);
  const access = sessionCredential(scope);
  const at = nowSeconds();
  if (access) {
    const current = await decodeSessionJwt(access, salt, "jwt-refresh", at);
    if (current.ok && current.claims.exp - at > EARLY_S) return null;
  }
  const minted = await step("refresh.rotate", () => mintFromRefresh(refreshRaw, salt), {
    detail: (m) => (m.ok ? "new access token" : m.reason),
  });
  const jar = new Map(scope.cookies);
  for (const name of [...jar.keys()]) if (name === salt || name.startsWith(`${salt}.`)) jar.delete(name);
  if (!minted.ok) {
    jar.delete(COOKIES.refresh.name(scope.secure));
    return { cookies: jar, setCookies: clearingCookies(scope) };
  }
  jar.set(salt, minted.accessToken);
  jar.set(COOKIES.refresh.name(scope.secure), minted.refreshToken);
  return { cookies: jar, setCookies: mintedCookies(minted, scope) };
}

export const jwtRefreshStrategy: StrategyModule = {
  id: "jwt-refresh",
  nextAuth: "jwt",
  intro:
    "JWT + refresh: a JWT that lives only a minute, renewed by a one-time refresh token the server does track.",
  serverKeeps:
    "No session, but the refresh tokens (hashed, one family per sign-in), consulted only when the short access token runs out.",
  readsPerRequest: "none while the access token lives; 1 rotation when it runs out",
  levers: {
    "sign-out":
      "Revokes this sign-in's refresh family; a copied access token still works until its exp (seconds).",
    "family-revoke": "No more renewals: a copied access token works until its exp (seconds), then nothing.",
    "deny-sid": "Refused on the next request where the deny-list is checked, and no refresh succeeds.",
    "deny-user": "Every token of the user issued before the entry is refused, and no refresh succeeds.",
    "hard-rotation": "No key decrypts it and every refresh family is revoked: refused on the next request.",
    "grace-rotation": "Not a revocation: the old key still decrypts until its tokens expire.",
    admin: "The instructor revokes the families and deny-lists the user: gone within one access-token life.",
  },
  lifetimeRules: (l) => [
    { name: "Access token", seconds: l.accessS, what: "then renewed with the refresh token" },
    {
      name: "Idle timeout",
      seconds: l.refreshS,
      what: "an unused refresh token dies after this; each renewal starts a new one",
    },
    {
      name: "Absolute timeout",
      seconds: l.absoluteS,
      what: "after signing in, however active: then sign in again",
    },
    {
      name: "Refresh grace",
      seconds: l.refreshGraceS,
      what: `tabs refreshing together within ${duration(l.refreshGraceS)} share one successor; later reuse revokes the family`,
    },
  ],
  extraCookies: ["refresh"],
  async signIn(input) {
    const claims = await jwtClaimsAtSignIn("jwt-refresh", input);
    const family = await startRefreshFamily(input.user.id, claims.sid, input.persistent);
    setRefreshCookie(family.token, input.persistent, input.scope.secure);
    return { ...claims, fam: family.familyId };
  },
  encode: (token, salt) => encodeForAuthJs("jwt-refresh", token, salt),
  decode: (token, salt) => decodeForAuthJs("jwt-refresh", token, salt),
  prepare: renewAccessToken,
  read: (credential, scope) => readJwt("jwt-refresh", credential, COOKIES.session.name(scope.secure), scope),
  // The access token is never re-issued: only a refresh (in prepare) extends access.
  renew: async () => null,
};
