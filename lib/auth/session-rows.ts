import "server-only";
import type { AdapterSession } from "next-auth/adapters";
import { recordEvent } from "@/lib/audit";
import { now, toRealTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { lifetimes } from "./lifetimes";
import { type RequestScope, sessionCredential } from "./scope";
import { randomToken, sha256 } from "./tokens";

export interface NewSession {
  userId: string;
  persistent: boolean;
}

/**
 * A new session row for a user who just proved who they are: 32 fresh CSPRNG bytes, of which only
 * the SHA-256 is stored. Whatever session the browser already carried is deleted first, so an id
 * planted before sign-in is worth nothing after it (no session fixation).
 */
export async function createSessionRow(scope: RequestScope, s: NewSession): Promise<AdapterSession> {
  const token = randomToken();
  const carried = sessionCredential(scope);
  if (carried) await db.session.deleteMany({ where: { sessionToken: sha256(carried) } });
  const authTime = new Date(now());
  const expires = new Date(authTime.getTime() + lifetimes().idleS * 1000);
  await db.session.create({
    data: {
      sessionToken: sha256(token),
      userId: s.userId,
      expires,
      authTime,
      createdAt: authTime,
      lastSeenAt: authTime,
      userAgent: scope.userAgent,
      ip: scope.ip,
      persistent: s.persistent,
    },
  });
  await recordEvent("session-created", {
    userId: s.userId,
    strategy: scope.strategy,
    detail: `session row created (only its SHA-256 is stored), ${s.persistent ? "persistent" : "browser-session"} cookie`,
  });
  // Auth.js compares this with the real clock: hand it over in its frame (see lib/clock.ts).
  return { sessionToken: token, userId: s.userId, expires: toRealTime(expires) };
}
