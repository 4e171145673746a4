import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * Pairing codes add a participant's second device (the labs need two browsers). A code is short
 * enough to read off one screen and type on another, so it is guarded in every other way:
 *  - 8 symbols from 32 that cannot be confused (no 0/O, 1/I): 40 bits, drawn from the CSPRNG;
 *  - stored as an HMAC keyed with AUTH_SECRET, so a copy of the database cannot test guesses;
 *  - lives PAIRING_TTL_S on the auth clock, works once, and a new code replaces the old one;
 *  - wrong guesses are rate limited per address (lib/room/limits.ts).
 */
export const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 8;
export const PAIRING_TTL_S = 5 * 60;

/** 256 is a multiple of 32, so `byte % 32` picks every symbol with the same chance. */
export function randomSymbols(length: number): string {
  return [...randomBytes(length)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
}

/** "abcd efgh", "ABCD-EFGH" → "ABCDEFGH"; anything that cannot be a code → null. */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  const valid = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);
  return valid.test(code) ? code : null;
}

/** How a code is shown: two groups of four. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function hashOf(code: string): string {
  return createHmac("sha256", env.AUTH_SECRET).update(`pairing-code:${code}`).digest("base64url");
}

export async function issuePairingCode(userId: string): Promise<{ code: string; expiresAt: Date }> {
  const code = randomSymbols(CODE_LENGTH);
  const createdAt = new Date(now());
  const expiresAt = new Date(createdAt.getTime() + PAIRING_TTL_S * 1000);
  await db.$transaction([
    db.pairingCode.deleteMany({ where: { userId } }),
    db.pairingCode.create({ data: { hash: hashOf(code), userId, createdAt, expiresAt } }),
  ]);
  return { code, expiresAt };
}

export type Redeemed = { ok: true; userId: string } | { ok: false; reason: string };

/** Use a code: the participant it belongs to, once. Unknown, used and expired codes read the same. */
export async function redeemPairingCode(input: string): Promise<Redeemed> {
  const code = normalizeCode(input);
  const refused = { ok: false, reason: "That code is not valid: it may have expired or been used." } as const;
  if (!code) return refused;
  const hash = hashOf(code);
  const at = new Date(now());
  // One conditional write decides: two devices racing with the same code cannot both win.
  const claimed = await db.pairingCode.updateMany({
    where: { hash, usedAt: null, expiresAt: { gt: at } },
    data: { usedAt: at },
  });
  if (claimed.count !== 1) return refused;
  const row = await db.pairingCode.findUnique({ where: { hash }, select: { userId: true } });
  return row ? { ok: true, userId: row.userId } : refused;
}
