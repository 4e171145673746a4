import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterSession } from "next-auth/adapters";
import { now, toAuthTime, toRealTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { REMEMBER_COOKIE, type RequestContext } from "./request";
import { randomToken, sha256 } from "./tokens";
import { fact, reject, step } from "./trace";

/** lastSeenAt is written at most this often, so reading a session is not a write every request. */
const LAST_SEEN_EVERY_MS = 30_000;

export interface NewSession {
  userId: string;
  persistent: boolean;
}

/**
 * The server-side session store: @auth/prisma-adapter with its session methods wrapped so that
 *  - only SHA-256(token) is stored (a leaked table holds no usable cookie),
 *  - each row knows its device, IP, last use and original sign-in time,
 *  - expiry and the absolute timeout are judged by the auth clock,
 *  - signing in replaces whatever session the browser already carried (no fixation).
 * Dates cross the boundary in Auth.js's real-time frame (see lib/clock.ts).
 */
export function sessionStore(ctx: RequestContext, sessionCookie: string): Adapter {
  const base = PrismaAdapter(db);

  return {
    ...base,
    async createSession(data) {
      // Email sign-in arrives here with Auth.js's own token; we mint our own 256-bit one instead.
      const remember = ctx.cookies.get(REMEMBER_COOKIE) !== "0";
      return createSessionRow(ctx, sessionCookie, { userId: data.userId, persistent: remember });
    },
    async getSessionAndUser(token) {
      const hash = sha256(token);
      const row = await step(
        "Session store: look up SHA-256(cookie) joined with its user",
        () => db.session.findUnique({ where: { sessionToken: hash }, include: { user: true } }),
        (r) => (r ? "1 row" : "no row"),
      );
      if (!row) {
        reject("No session row matches this id: it was revoked, signed out or never existed.");
        return null;
      }
      const t = now();
      const absoluteEnd = row.authTime.getTime() + env.AUTH_ABSOLUTE_MAX_AGE * 1000;
      if (row.expires.getTime() <= t || absoluteEnd <= t) {
        const why = absoluteEnd <= t ? "absolute timeout reached" : "idle timeout reached";
        reject(`The session expired (${why}); the server deleted its row.`);
        await db.session.deleteMany({ where: { sessionToken: hash } });
        return null;
      }
      fact("sessionHash", hash);
      fact("expires", new Date(Math.min(row.expires.getTime(), absoluteEnd)).toISOString());
      if (t - row.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
        await db.session.update({ where: { sessionToken: hash }, data: { lastSeenAt: new Date(t) } });
      }
      const { user: full, ...session } = row;
      const user = {
        id: full.id,
        name: full.name,
        email: full.email,
        emailVerified: full.emailVerified,
        image: full.image,
        role: full.role,
      };
      // The row's own expiry goes back to Auth.js (a capped one would look "due for update" on
      // every request near the end); the absolute end is enforced by the check above.
      return {
        user,
        session: { sessionToken: token, userId: session.userId, expires: toRealTime(session.expires) },
      };
    },
    // Activity pushes the idle expiry forward, but never past the absolute end; once it sits
    // there, there is nothing left to write.
    async updateSession(data) {
      const hash = sha256(data.sessionToken);
      const row = await db.session.findUnique({
        where: { sessionToken: hash },
        select: { authTime: true, expires: true },
      });
      if (!row || !data.expires) return null;
      const absoluteEnd = row.authTime.getTime() + env.AUTH_ABSOLUTE_MAX_AGE * 1000;
      const expires = new Date(Math.min(toAuthTime(data.expires).getTime(), absoluteEnd));
      if (expires.getTime() <= row.expires.getTime()) return null;
      await db.session.updateMany({
        where: { sessionToken: hash },
        data: { expires, lastSeenAt: new Date(now()) },
      });
      return null;
    },
    async deleteSession(token) {
      await db.session.deleteMany({ where: { sessionToken: sha256(token) } });
      return null;
    },
    // Magic links: Auth.js checks their expiry against the real clock, so shift like sessions.
    async createVerificationToken(t) {
      const stored = await base.createVerificationToken?.({ ...t, expires: toAuthTime(t.expires) });
      return stored ? { ...stored, expires: toRealTime(stored.expires) } : stored;
    },
    async useVerificationToken(p) {
      const used = await base.useVerificationToken?.(p);
      return used ? { ...used, expires: toRealTime(used.expires) } : null;
    },
  };
}

/**
 * A new session row for a user who just proved who they are. Used by email sign-in (through the
 * adapter) and by password sign-in (from the jwt callback, which Auth.js runs for credentials).
 */
export async function createSessionRow(
  ctx: RequestContext,
  sessionCookie: string,
  s: NewSession,
): Promise<AdapterSession> {
  const token = randomToken();
  const carried = ctx.cookies.get(sessionCookie);
  if (carried) await db.session.deleteMany({ where: { sessionToken: sha256(carried) } });
  const authTime = new Date(now());
  const expires = new Date(authTime.getTime() + env.AUTH_SESSION_MAX_AGE * 1000);
  await db.session.create({
    data: {
      sessionToken: sha256(token),
      userId: s.userId,
      expires,
      authTime,
      createdAt: authTime,
      lastSeenAt: authTime,
      userAgent: ctx.userAgent,
      ip: ctx.ip,
      persistent: s.persistent,
    },
  });
  return { sessionToken: token, userId: s.userId, expires: toRealTime(expires) };
}
