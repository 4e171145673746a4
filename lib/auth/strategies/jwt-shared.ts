import "server-only";
import type { JWT } from "next-auth/jwt";
import { recordEvent } from "@/lib/audit";
import { now, nowSeconds } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { StoreUnavailableError } from "@/lib/store/gate";
import { toJwt } from "../claims";
import { checkDenyList, denyListEnforced } from "../deny-list";
import { decodeSessionJwt, encodeSessionJwt, type NewClaims } from "../jwt-codec";
import { usableKeys } from "../keyring";
import { lifetimes } from "../lifetimes";
import type { RequestScope } from "../scope";
import type { JwtMode } from "../strategy";
import { randomToken } from "../tokens";
import { reject } from "../trace";
import type { SignInInput, Verdict } from "./types";
import { signedOut } from "./verdicts";

/**
 * What the two JWT modes share: the claims at sign-in (with the ledger entry the instructor sees),
 * and the read: decrypt, judge on the auth clock, then the deny-list when the server checks it.
 */
export async function jwtClaimsAtSignIn(mode: JwtMode, { scope, user, persistent, token }: SignInInput) {
  const authTime = nowSeconds();
  const sid = randomToken(16);
  const [key] = await usableKeys();
  await db.issuedToken.create({
    data: {
      sid,
      userId: user.id,
      strategy: mode,
      expiresAt: new Date((authTime + lifetimes().absoluteS) * 1000),
      userAgent: scope.userAgent,
      ip: scope.ip,
      keyId: key?.id,
    },
  });
  await recordEvent("session-created", {
    userId: user.id,
    strategy: mode,
    detail: `JWT issued (sid ${sid.slice(0, 8)}…, key ${key?.id ?? "?"}); the server keeps no session`,
  });
  const claims: NewClaims = {
    sub: user.id,
    email: user.email,
    name: user.name,
    picture: typeof token.picture === "string" ? token.picture : null,
    role: user.role,
    sid,
    mode,
    authTime,
    persistent,
  };
  return claims;
}

/** Auth.js's jwt.encode for a JWT mode: a token without our claims (never issued by us) is refused. */
export async function encodeForAuthJs(mode: JwtMode, token: JWT, salt: string): Promise<string> {
  if (typeof token.sub !== "string" || typeof token.sid !== "string" || typeof token.authTime !== "number")
    throw new Error("refusing to encode a session token without the lab's claims");
  return encodeSessionJwt({ ...(token as NewClaims), mode: token.mode ?? mode }, salt, nowSeconds());
}

export async function readJwt(
  mode: JwtMode | "any",
  credential: string,
  salt: string,
  scope: RequestScope,
): Promise<Verdict> {
  const decoded = await decodeSessionJwt(credential, salt, mode, nowSeconds());
  if (!decoded.ok) return signedOut(decoded.limit, decoded.reason);
  const { claims } = decoded;
  let note: string | undefined;
  if (denyListEnforced()) {
    const d = await checkDenyList({ sid: claims.sid, sub: claims.sub, authTime: claims.authTime });
    if (d.denied && d.unavailable)
      throw new StoreUnavailableError(d.unavailable, "the deny-list cannot be consulted");
    if (d.denied) return signedOut("deny-list", d.reason);
    note = d.unchecked;
  }
  return {
    status: "signed-in",
    strategy: claims.mode,
    via: scope.bearer ? "bearer" : "cookie",
    user: { id: claims.sub, email: claims.email ?? "", name: claims.name ?? null, role: claims.role },
    expiresAt: Math.min(claims.exp, claims.authTime + lifetimes().absoluteS) * 1000,
    authTime: claims.authTime * 1000,
    persistent: claims.persistent,
    claims,
    keyId: decoded.keyId,
    record: null,
    note,
  };
}

/** The stock path's decode: the same judgement, as Auth.js wants it (claims or null). */
export async function decodeForAuthJs(mode: JwtMode, token: string, salt: string): Promise<JWT | null> {
  const decoded = await decodeSessionJwt(token, salt, mode, nowSeconds());
  if (!decoded.ok) {
    reject(decoded.reason);
    return null;
  }
  const { claims } = decoded;
  if (denyListEnforced()) {
    const d = await checkDenyList({ sid: claims.sid, sub: claims.sub, authTime: claims.authTime });
    if (d.denied) {
      reject(d.reason);
      return null;
    }
  }
  return toJwt(claims);
}

export function secondsLeft(untilSeconds: number): number {
  return Math.max(0, untilSeconds - Math.floor(now() / 1000));
}
