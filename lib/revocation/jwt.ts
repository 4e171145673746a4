import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";

/** What the server knows about a user's JWTs: the audit ledger of sign-ins and refresh families. */
export async function myTokens(userId: string) {
  const [issued, deny, families] = await Promise.all([
    db.issuedToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 10 }),
    db.denyListEntry.findMany({ where: { expiresAt: { gt: new Date(now()) } } }),
    db.refreshFamily.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: 10,
      include: { _count: { select: { tokens: true } } },
    }),
  ]);
  const deniedSids = new Set(deny.filter((d) => d.kind === "sid").map((d) => d.value));
  const userEntry = deny.find((d) => d.kind === "user" && d.value === userId);
  return {
    issued: issued.map((t) => ({
      sid: t.sid,
      strategy: t.strategy,
      createdAt: t.createdAt,
      keyId: t.keyId,
      userAgent: t.userAgent,
      denied: deniedSids.has(t.sid) || Boolean(userEntry && t.createdAt <= userEntry.createdAt),
    })),
    families: families.map((f) => ({
      id: f.id,
      sid: f.sid,
      createdAt: f.createdAt,
      revokedAt: f.revokedAt,
      reason: f.reason,
      rotations: f._count.tokens - 1,
    })),
    userDeniedAt: userEntry?.createdAt ?? null,
  };
}
