import { COOKIES } from "@/lib/auth/cookies";
import { encodeSessionJwt } from "@/lib/auth/jwt-codec";
import { createSessionRow } from "@/lib/auth/session-rows";
import type { JwtMode } from "@/lib/auth/strategy";
import { randomToken } from "@/lib/auth/tokens";
import { nowSeconds } from "@/lib/clock";
import { testScope } from "./scope";

/** Auth.js derives the JWT key from the cookie name: the plain-http session cookie's. */
export const SALT = COOKIES.session.name(false);

interface Who {
  id: string;
  email: string;
  name: string | null;
  role: string;
}

/** A database session for `user`, created the way sign-in creates it; returns the cookie value. */
export async function databaseCookie(user: Who, persistent = true): Promise<string> {
  const row = await createSessionRow(testScope({ strategy: "database" }), { userId: user.id, persistent });
  return row.sessionToken;
}

/** The claims sign-in would put in a session JWT for `user` (a fresh sid, signed in `authTime`). */
export function claimsFor(user: Who, mode: JwtMode = "jwt", authTime = nowSeconds()) {
  return {
    sub: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sid: randomToken(16),
    mode,
    authTime,
  };
}

/** A session JWT for `user`, issued at `at` (seconds on the auth clock). */
export function jwtCookie(user: Who, mode: JwtMode = "jwt", at = nowSeconds()): Promise<string> {
  return encodeSessionJwt(claimsFor(user, mode, at), SALT, at);
}
