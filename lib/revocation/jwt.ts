import "server-only";
import { liveDenyEntries } from "@/lib/auth/deny-list";
import { db } from "@/lib/db/client";
import type { DenyEntry } from "@/lib/store/deny-list";

/** Is this ledger entry refused by the live deny-list (by its sid, or by a later entry for its user)? */
export function isDenied(entries: DenyEntry[], t: { sid: string; userId: string; createdAt: Date }): boolean {
  return entries.some(
    (e) =>
      (e.kind === "sid" && e.value === t.sid) ||
      (e.kind === "user" && e.value === t.userId && t.createdAt.getTime() <= e.createdAt),
  );
}

/** What the server knows about a user's JWTs: the audit ledger of sign-ins and refresh families. */
export async function myTokens(userId: string) {
  const [issued, deny, families] = await Promise.all([
    db.issuedToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 10 }),
    liveDenyEntries(),
    db.refreshFamily.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: 10,
      include: { _count: { select: { tokens: true } } },
    }),
  ]);
  const userEntry = deny.find((d) => d.kind === "user" && d.value === userId);
  return {
    issued: issued.map((t) => ({
      sid: t.sid,
      strategy: t.strategy,
      createdAt: t.createdAt,
      keyId: t.keyId,
      userAgent: t.userAgent,
      denied: isDenied(deny, t),
    })),
    families: families.map((f) => ({
      id: f.id,
      sid: f.sid,
      createdAt: f.createdAt,
      revokedAt: f.revokedAt,
      reason: f.reason,
      rotations: f._count.tokens - 1,
    })),
    userDeniedAt: userEntry ? new Date(userEntry.createdAt) : null,
  };
}

/**
 * The attacker's replay for the outcome banner: looked up by id, never taken from the URL, and only
 * of a copy this browser kept or a copy of the signed-in user's own sessions (revoking another of
 * your devices replays the copy kept there). Nobody else's replays, whatever id the URL names.
 */
export async function benchReplay(benchId: string | null, replayId: string | null, userId: string | null) {
  if (!replayId || (!benchId && !userId)) return null;
  const mine = [...(benchId ? [{ ownerId: benchId }] : []), ...(userId ? [{ userId }] : [])];
  return db.replay.findFirst({ where: { id: replayId, copy: { OR: mine } } });
}
