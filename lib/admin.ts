import "server-only";
import { denySid, denyUser, liveDenyEntries } from "@/lib/auth/deny-list";
import { revokeFamiliesOfUser } from "@/lib/auth/refresh";
import { getAuthState } from "@/lib/auth/state";
import type { SessionUser } from "@/lib/auth/strategies/types";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { isDenied } from "@/lib/revocation/jwt";
import { revokeAllSessions } from "@/lib/sessions";

/** The instructor's data layer. Pages check the role here; actions through adminAction. */
export async function requireAdmin(): Promise<SessionUser | null> {
  const { user } = await getAuthState();
  return user?.role === "admin" ? user : null;
}

export async function findUser(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
}

export async function endEverything(userId: string): Promise<{ rows: number; families: number }> {
  const rows = await revokeAllSessions(userId);
  await denyUser(userId, "ended by the instructor");
  const families = await revokeFamiliesOfUser(userId, "ended by the instructor");
  return { rows, families };
}

/** Deny-list one issued token of a user; null when no such token was issued to that user. */
export async function denyIssuedToken(sid: string, userId: string) {
  const issued = await db.issuedToken.findFirst({ where: { sid, userId } });
  if (!issued) return null;
  await denySid(sid, "deny-listed by the instructor", issued.expiresAt.getTime());
  return issued;
}

export const PAGE_SIZE = 25;

/** `kind`: only that kind of user ("participant": the workshop console lists the room only). */
export async function overview(o: { page?: number; search?: string; kind?: "participant" } = {}) {
  const t = new Date(now());
  const search = o.search?.trim().toLowerCase().slice(0, 100) ?? "";
  const where = {
    ...(search ? { OR: [{ email: { contains: search } }, { name: { contains: search } }] } : {}),
    ...(o.kind ? { kind: o.kind } : {}),
  };
  const page = Math.max(0, o.page ?? 0);
  const [total, users, deny] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      // A room is listed in the order people joined; accounts by address.
      orderBy: o.kind ? [{ createdAt: "asc" }, { id: "asc" }] : { email: "asc" },
      skip: page * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        sessions: {
          orderBy: { createdAt: "desc" },
          select: { sessionToken: true, createdAt: true, lastSeenAt: true, expires: true, userAgent: true },
        },
      },
    }),
    liveDenyEntries(),
  ]);
  const ids = users.map((u) => u.id);
  const [issued, families] = await Promise.all([
    db.issuedToken.findMany({
      where: { userId: { in: ids }, expiresAt: { gt: t } },
      orderBy: { createdAt: "desc" },
    }),
    db.refreshFamily.findMany({ where: { userId: { in: ids }, revokedAt: null } }),
  ]);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    users: users.map((u) => ({
      ...u,
      tokens: issued.filter((i) => i.userId === u.id).map((i) => ({ ...i, denied: isDenied(deny, i) })),
      activeFamilies: families.filter((f) => f.userId === u.id).length,
    })),
  };
}
