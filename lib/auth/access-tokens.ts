import "server-only";
import { SignJWT } from "jose";
import { type Clock, now, wallClock } from "@/lib/clock";
import { env, internalUrl } from "@/lib/env";
import { currentSigningKey, SIGNING_ALG } from "./signing-keys";
import type { SignedIn } from "./strategies/types";
import { randomToken } from "./tokens";

/**
 * Signed access tokens for other services (the orders service): a JWS any holder of the public
 * key can verify on its own, with no call back to this app. That independence is the price:
 * once minted, nothing here can take the token back. A revoked session's access token keeps
 * working at the service until its `exp`, so it lives minutes (SERVICE_TOKEN_TTL), not hours.
 */
export const ORDERS_AUDIENCE = "orders";
/** RFC 9068's media type for JWT access tokens: a verifier can tell one from an ID token or a session. */
export const ACCESS_TOKEN_TYP = "at+jwt";

/** `iss`: the app's public origin, or where it can be reached from inside when none is set. */
export function issuer(): string {
  return new URL(env.AUTH_URL ?? internalUrl).origin;
}

export interface AccessToken {
  token: string;
  kid: string;
  /** Seconds until it expires. */
  expiresIn: number;
  /** Epoch seconds (wall clock). */
  exp: number;
}

/**
 * An access token for a signed-in session, in any mode. It never outlives the session it comes
 * from: the session's remaining life (auth clock) caps the token's (wall clock).
 */
export async function mintAccessToken(verdict: SignedIn, clock: Clock = wallClock): Promise<AccessToken> {
  const { kid, key } = await currentSigningKey(clock);
  const iat = Math.floor(clock.now() / 1000);
  const sessionLeft = Math.floor((verdict.expiresAt - now()) / 1000);
  const expiresIn = Math.max(1, Math.min(env.SERVICE_TOKEN_TTL, sessionLeft));
  const { user } = verdict;
  // Only what a service needs to decide; sid only where the session has a public handle (JWT modes).
  const token = await new SignJWT({
    email: user.email,
    role: user.role,
    ...(verdict.claims ? { sid: verdict.claims.sid } : {}),
  })
    .setProtectedHeader({ alg: SIGNING_ALG, kid, typ: ACCESS_TOKEN_TYP })
    .setIssuer(issuer())
    .setAudience(ORDERS_AUDIENCE)
    .setSubject(user.id)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + expiresIn)
    .setJti(randomToken(16))
    .sign(key);
  return { token, kid, expiresIn, exp: iat + expiresIn };
}
