import "server-only";
import { createHmac } from "node:crypto";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { lifetimes } from "./lifetimes";
import { randomToken, sha256 } from "./tokens";

/**
 * Refresh tokens for the "JWT + refresh" mode.
 *  - Stored only as SHA-256 hashes; grouped in a family per sign-in.
 *  - Rotated on every use: each token has at most one successor (parentHash is unique).
 *  - Reuse of a rotated token after the grace window means a copy is loose: the family is revoked.
 *  - Parallel refreshes inside the grace window get the *same* successor: it is derived from the
 *    parent with an HMAC, so no raw token ever has to be stored to hand it out twice.
 */
export type RefreshResult =
  | {
      ok: true;
      token: string;
      familyId: string;
      userId: string;
      sid: string;
      persistent: boolean;
      authTime: Date;
    }
  | { ok: false; reason: string; familyRevoked?: boolean };

function successorOf(parent: string): string {
  return createHmac("sha256", env.AUTH_SECRET).update(`refresh-successor:${parent}`).digest("base64url");
}

function expiry(): Date {
  return new Date(now() + lifetimes().refreshS * 1000);
}

/** Called at sign-in: a new family and its first token (the caller hands it to the browser). */
export async function startRefreshFamily(
  userId: string,
  sid: string,
  persistent: boolean,
): Promise<{ familyId: string; token: string }> {
  const familyId = randomToken(12);
  const token = randomToken();
  await db.refreshFamily.create({
    data: {
      id: familyId,
      userId,
      sid,
      persistent,
      createdAt: new Date(now()),
      tokens: { create: { hash: sha256(token), expiresAt: expiry(), createdAt: new Date(now()) } },
    },
  });
  return { familyId, token };
}

export async function refresh(raw: string): Promise<RefreshResult> {
  const hash = sha256(raw);
  const row = await db.refreshToken.findUnique({ where: { hash }, include: { family: true } });
  if (!row) return { ok: false, reason: "Unknown refresh token." };
  const { family } = row;
  if (family.revokedAt)
    return { ok: false, reason: `The refresh family was revoked (${family.reason ?? "revoked"}).` };
  if (row.expiresAt.getTime() <= now()) return { ok: false, reason: "The refresh token expired." };
  if (family.createdAt.getTime() + lifetimes().absoluteS * 1000 <= now()) {
    await revokeFamily(family.id, "absolute timeout reached");
    return {
      ok: false,
      reason: "The sign-in passed its absolute timeout: sign in again.",
      familyRevoked: true,
    };
  }
  const ok = (token: string) =>
    ({
      ok: true,
      token,
      familyId: family.id,
      userId: family.userId,
      sid: family.sid,
      persistent: family.persistent,
      authTime: family.createdAt,
    }) as const;

  let usedAt = row.usedAt;
  if (!usedAt) {
    const claimed = await db.refreshToken.updateMany({
      where: { hash, usedAt: null },
      data: { usedAt: new Date(now()) },
    });
    if (claimed.count === 1) return ok(await storeSuccessor(raw, hash, family.id));
    usedAt = (await db.refreshToken.findUnique({ where: { hash } }))?.usedAt ?? new Date(now());
  }
  const sinceUse = now() - usedAt.getTime();
  if (sinceUse >= 0 && sinceUse <= lifetimes().refreshGraceS * 1000) {
    // A sibling request (another tab) rotated this token a moment ago: give the same successor.
    return ok(await storeSuccessor(raw, hash, family.id));
  }
  await revokeFamily(family.id, "a rotated refresh token was used again (possible theft)");
  return {
    ok: false,
    reason: "Refresh token reuse detected: the whole family was revoked.",
    familyRevoked: true,
  };
}

async function storeSuccessor(raw: string, parentHash: string, familyId: string): Promise<string> {
  const next = successorOf(raw);
  const data = { hash: sha256(next), familyId, parentHash, expiresAt: expiry(), createdAt: new Date(now()) };
  try {
    await db.refreshToken.create({ data });
  } catch (error) {
    // Unique violation: the winner of a concurrent refresh stored the same successor already.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  return next;
}

export async function revokeFamily(familyId: string, reason: string): Promise<void> {
  await db.refreshFamily.updateMany({
    where: { id: familyId, revokedAt: null },
    data: { revokedAt: new Date(now()), reason },
  });
}

/** Hard key rotation: every refresh family ends too, or refresh mode would quietly mint new tokens. */
export async function revokeAllFamilies(reason: string): Promise<number> {
  const { count } = await db.refreshFamily.updateMany({
    where: { revokedAt: null },
    data: { revokedAt: new Date(now()), reason },
  });
  return count;
}

export async function revokeFamiliesOfUser(userId: string, reason: string): Promise<number> {
  const { count } = await db.refreshFamily.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date(now()), reason },
  });
  return count;
}
