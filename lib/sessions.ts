import "server-only";
import { db } from "@/lib/db/client";

/**
 * Database-session revocation. Every function takes the *caller's* user id from the data access
 * layer and only touches that user's rows: a forged form field cannot end someone else's session.
 */
export async function revokeSession(userId: string, hash: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, sessionToken: hash } });
  return count;
}

export async function revokeOtherSessions(userId: string, keepHash: string | null): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(keepHash ? { NOT: { sessionToken: keepHash } } : {}) },
  });
  return count;
}

export async function revokeAllSessions(userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

/** The caller's session rows, newest first (the data behind "My sessions" and the Server panel). */
export async function listSessions(userId: string) {
  return db.session.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
}
