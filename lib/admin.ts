import "server-only";
import { getAuthState } from "@/lib/auth/state";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";

/** The instructor's data layer. Every entry point re-checks the role: a layout check is not enough. */
export async function requireAdmin() {
  const { session } = await getAuthState();
  return session?.user.role === "admin" ? session.user : null;
}

export async function overview() {
  const t = new Date(now());
  const [users, deny] = await Promise.all([
    db.user.findMany({
      orderBy: { email: "asc" },
      take: 100,
      select: {
        id: true,
        email: true,
        role: true,
        sessions: {
          orderBy: { createdAt: "desc" },
          select: { sessionToken: true, createdAt: true, lastSeenAt: true, expires: true, userAgent: true },
        },
      },
    }),
    db.denyListEntry.findMany({ where: { expiresAt: { gt: t } } }),
  ]);
  const ids = users.map((u) => u.id);
  const [issued, families] = await Promise.all([
    db.issuedToken.findMany({
      where: { userId: { in: ids }, expiresAt: { gt: t } },
      orderBy: { createdAt: "desc" },
    }),
    db.refreshFamily.findMany({ where: { userId: { in: ids }, revokedAt: null } }),
  ]);
  const deniedSids = new Set(deny.filter((d) => d.kind === "sid").map((d) => d.value));
  return users.map((u) => ({
    ...u,
    tokens: issued.filter((i) => i.userId === u.id).map((i) => ({ ...i, denied: deniedSids.has(i.sid) })),
    activeFamilies: families.filter((f) => f.userId === u.id).length,
  }));
}
