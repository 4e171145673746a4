import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";

/**
 * Revocation actions are recorded so the lab can measure "time to revocation": from the click
 * to the first replay of a stolen copy that the server refuses.
 */
export const TECHNIQUES = {
  "sign-out": "Sign out",
  "db-revoke": "Delete the session row",
  "deny-sid": "Deny-list this token",
  "deny-user": "Deny-list all my tokens",
  "family-revoke": "Revoke the refresh family",
  "hard-rotation": "Hard key rotation",
  "grace-rotation": "Grace key rotation",
  admin: "Instructor revocation",
} as const;
export type Technique = keyof typeof TECHNIQUES;

export async function recordRevocation(userId: string, technique: Technique): Promise<void> {
  await db.revocationEvent.create({ data: { userId, technique, at: new Date(now()) } });
}

/** Key rotations end everyone's tokens: recorded for every user with a stolen copy, so each panel can time it. */
export async function recordRevocationForAll(technique: Technique): Promise<void> {
  const victims = await db.stolenCopy.findMany({ select: { userId: true }, distinct: ["userId"] });
  const at = new Date(now());
  await db.revocationEvent.createMany({ data: victims.map((v) => ({ userId: v.userId, technique, at })) });
}

export async function latestRevocation(userId: string, after: Date) {
  return db.revocationEvent.findFirst({ where: { userId, at: { gte: after } }, orderBy: { at: "desc" } });
}
