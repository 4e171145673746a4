import "server-only";
import type { SessionUser } from "@/lib/auth/strategies/types";
import { now } from "@/lib/clock";
import { unseal } from "@/lib/crypto/seal";
import { db } from "@/lib/db/client";

/**
 * The dev mailbox's data layer. A magic link is a credential, so a visitor sees only the mail
 * their own browser asked for (its lab bench) or that they asked for while signed in; the
 * instructor sees all of it. Links are stored sealed and opened only here, for a reader allowed
 * to see them.
 */
export interface Reader {
  benchId: string | null;
  user: SessionUser | null;
}

export async function readMail(reader: Reader, filter: string) {
  const admin = reader.user?.role === "admin";
  const mine = [
    ...(reader.benchId ? [{ benchId: reader.benchId }] : []),
    ...(reader.user ? [{ requesterId: reader.user.id }] : []),
  ];
  if (!admin && mine.length === 0) return { messages: [], scope: "none" as const };
  const messages = await db.mailMessage.findMany({
    where: { ...(admin ? {} : { OR: mine }), ...(filter ? { to: filter } : {}) },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  const t = now();
  return {
    scope: admin ? ("all" as const) : ("mine" as const),
    messages: messages.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      createdAt: m.createdAt,
      expired: m.expires.getTime() < t,
      url: unseal(m.url, "mail"),
    })),
  };
}
