import "server-only";
import { STRATEGY_MODULES } from "@/lib/auth/strategies";
import type { LeverId } from "@/lib/auth/strategies/types";
import { isStrategy, type Strategy } from "@/lib/auth/strategy";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";

/**
 * Revocation actions are recorded so the lab can measure "time to revocation": from the click
 * to the first replay of a stolen copy that the server refuses. A replay is timed only against
 * levers that act on sessions of the copy's mode (a key rotation says nothing about a database
 * session; deleting a row says nothing about a JWT).
 */
export const TECHNIQUES: Record<LeverId, string> = {
  "sign-out": "Sign out",
  "db-revoke": "Delete the session row",
  "deny-sid": "Deny-list this token",
  "deny-user": "Deny-list all my tokens",
  "family-revoke": "Revoke the refresh family",
  "hard-rotation": "Hard key rotation",
  "grace-rotation": "Grace key rotation",
  admin: "Instructor revocation",
};

/** `strategy`: the mode of the session the lever acted on (null: server-wide, like a rotation). */
export async function recordRevocation(userId: string, technique: LeverId, strategy: Strategy | null) {
  await db.revocationEvent.create({ data: { userId, technique, strategy, at: new Date(now()) } });
}

/** Key rotations end everyone's tokens: recorded for every user with a stolen copy, so each panel can time it. */
export async function recordRevocationForAll(technique: LeverId): Promise<void> {
  const victims = await db.stolenCopy.findMany({ select: { userId: true }, distinct: ["userId"] });
  const at = new Date(now());
  await db.revocationEvent.createMany({
    data: victims.map((v) => ({ userId: v.userId, technique, strategy: null, at })),
  });
}

/** The latest lever pulled on this user since `after` that acts on a session of `mode`. */
export async function latestRevocation(userId: string, after: Date, mode: string) {
  if (!isStrategy(mode)) return null;
  const applicable = Object.keys(STRATEGY_MODULES[mode].levers);
  return db.revocationEvent.findFirst({
    where: {
      userId,
      at: { gte: after },
      technique: { in: applicable },
      OR: [{ strategy: null }, { strategy: mode }],
    },
    orderBy: { at: "desc" },
  });
}

export function techniqueLabel(id: string | null): string | null {
  return id && id in TECHNIQUES ? TECHNIQUES[id as LeverId] : id;
}
