import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { now, toAuthTime, toRealTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { lifetimes } from "./lifetimes";
import { type RequestScope, wantsPersistence } from "./scope";
import { createSessionRow } from "./session-rows";
import { readSessionRow } from "./strategies/database";
import { sha256 } from "./tokens";

/**
 * @auth/prisma-adapter, with its session methods wrapped so that Auth.js's own flows (email
 * sign-in, sign-out, and the stock `auth()` path) follow the lab's rules:
 *  - only SHA-256(token) is stored (a leaked table holds no usable cookie),
 *  - each row knows its device, IP, last use and original sign-in time,
 *  - expiry and the absolute timeout are judged by the auth clock (the same code as the read path),
 *  - signing in replaces whatever session the browser already carried (no fixation).
 * Dates cross the boundary in Auth.js's real-time frame (see lib/clock.ts).
 */
export function labAdapter(scope: RequestScope): Adapter {
  const base = PrismaAdapter(db as never);
  return {
    ...base,
    // Email sign-in arrives here with Auth.js's own token; we mint our own 256-bit one instead.
    createSession: (data) =>
      createSessionRow(scope, { userId: data.userId, persistent: wantsPersistence(scope) }),
    async getSessionAndUser(token) {
      const verdict = await readSessionRow(token, "cookie");
      if (verdict.status !== "signed-in" || !verdict.record) return null;
      const { record, user } = verdict;
      return {
        user: { ...user, emailVerified: null, image: null },
        // The row's own expiry goes back (a capped one would look "due for update" on every request
        // near the end); the absolute end is enforced by readSessionRow.
        session: { sessionToken: token, userId: user.id, expires: toRealTime(new Date(record.expires)) },
      };
    },
    // Activity pushes the idle expiry forward, but never past the absolute end.
    async updateSession(data) {
      const hash = sha256(data.sessionToken);
      const row = await db.session.findUnique({
        where: { sessionToken: hash },
        select: { authTime: true, expires: true },
      });
      if (!row || !data.expires) return null;
      const absoluteEnd = row.authTime.getTime() + lifetimes().absoluteS * 1000;
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
