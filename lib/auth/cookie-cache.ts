import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import type { SessionUser } from "./strategies/types";

/**
 * The signed session cache of cookie-cache mode (Better Auth ships the same idea): a copy of the
 * session, signed with HMAC-SHA256 under a key derived from AUTH_SECRET, that the server trusts
 * without a lookup until it is a few seconds old. It is bound to one session id (a prefix of the
 * id's hash), so it cannot be paired with another session cookie.
 *
 * The price: a revoked session keeps working for whoever holds a fresh cache cookie, until that
 * cookie's own expiry. That delay is the mode's whole trade-off, and the lab measures it.
 */
let key: Buffer | null = null;
function hmacKey(): Buffer {
  key ??= Buffer.from(
    hkdfSync("sha256", env.AUTH_SECRET, "session-lab cookie cache", "Session Lab cache v1", 32),
  );
  return key;
}

const payload = z.object({
  h: z.string().length(22),
  u: z.object({ i: z.string(), e: z.string(), n: z.string().nullable(), r: z.string() }),
  /** Seconds: when this cached copy stops being trusted. */
  x: z.number().int(),
  /** Seconds: the original sign-in. */
  a: z.number().int(),
  /** Seconds: the session row's idle expiry when the copy was made. */
  s: z.number().int(),
  p: z.boolean(),
});

export interface CachedSession {
  user: SessionUser;
  cacheExp: number;
  authTime: number;
  sessionExpires: number;
  persistent: boolean;
}

function sign(body: string): string {
  return createHmac("sha256", hmacKey()).update(body).digest("base64url");
}

export function makeCache(sessionHash: string, c: CachedSession): string {
  const body = Buffer.from(
    JSON.stringify({
      h: sessionHash.slice(0, 22),
      u: { i: c.user.id, e: c.user.email, n: c.user.name, r: c.user.role },
      x: c.cacheExp,
      a: c.authTime,
      s: c.sessionExpires,
      p: c.persistent,
    }),
  ).toString("base64url");
  return `${body}.${sign(body)}`;
}

/** The cached session if the signature holds, it belongs to this session id, and it is still fresh. */
export function readCache(value: string, sessionHash: string, atSeconds: number): CachedSession | null {
  const dot = value.indexOf(".");
  if (dot <= 0 || value.length > 2048) return null;
  const body = value.slice(0, dot);
  const mac = Buffer.from(value.slice(dot + 1), "base64url");
  const expected = Buffer.from(sign(body), "base64url");
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return null;
  let parsed: z.infer<typeof payload>;
  try {
    const result = payload.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    if (!result.success) return null;
    parsed = result.data;
  } catch {
    return null;
  }
  if (parsed.h !== sessionHash.slice(0, 22) || parsed.x <= atSeconds) return null;
  return {
    user: { id: parsed.u.i, email: parsed.u.e, name: parsed.u.n, role: parsed.u.r },
    cacheExp: parsed.x,
    authTime: parsed.a,
    sessionExpires: parsed.s,
    persistent: parsed.p,
  };
}
