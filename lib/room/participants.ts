import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { COOKIES, cookieOptions } from "@/lib/auth/cookies";
import type { RequestScope } from "@/lib/auth/scope";
import { randomToken, sha256 } from "@/lib/auth/tokens";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";

/**
 * Workshop participants. Joining asks for a display name only: the server makes the account (a
 * synthetic, undeliverable address under the reserved .invalid domain) and gives this device a key,
 * a random 256-bit secret in an HttpOnly cookie, of which only the SHA-256 is stored. The key is
 * what the "participant" sign-in provider checks, so signing out and in again works with nothing
 * to type and no password that could be shared or shoulder-surfed.
 */
export const PARTICIPANT_DOMAIN = "participants.session-lab.invalid";

export const displayName = z
  .string()
  .transform((v) => v.normalize("NFC").trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "Type a name for the room to see (1 to 40 characters).")
      .max(40, "Names have at most 40 characters.")
      // Control and format characters (newlines, bidi overrides) would let a name impersonate another.
      .regex(/^[^\p{C}]+$/u, "Use letters, digits, spaces and punctuation only."),
  );

export interface Participant {
  id: string;
  name: string;
  email: string;
}

const KEY = /^[A-Za-z0-9_-]{43}$/;

/** A new participant and this device's key (the raw key goes to the cookie, never to the database). */
export async function createParticipant(name: string): Promise<{ participant: Participant; key: string }> {
  const user = await db.user.create({
    data: {
      name,
      email: `p-${randomToken(12).toLowerCase()}@${PARTICIPANT_DOMAIN}`,
      kind: "participant",
      role: "user",
      createdAt: new Date(now()),
    },
    select: { id: true, name: true, email: true },
  });
  return { participant: { ...user, name }, key: await addDeviceKey(user.id) };
}

/** One more device for a participant: a fresh key of its own, so each device can be told apart. */
export async function addDeviceKey(userId: string): Promise<string> {
  const key = randomToken();
  await db.participantKey.create({ data: { hash: sha256(key), userId, createdAt: new Date(now()) } });
  return key;
}

/** Whose key this is, if it is one; a malformed or unknown value is simply nobody's. */
export async function participantByKey(key: string | null | undefined): Promise<Participant | null> {
  if (!key || !KEY.test(key)) return null;
  const row = await db.participantKey.findUnique({
    where: { hash: sha256(key) },
    select: { user: { select: { id: true, name: true, email: true, kind: true } } },
  });
  if (row?.user.kind !== "participant") return null;
  await db.participantKey.update({ where: { hash: sha256(key) }, data: { lastUsedAt: new Date(now()) } });
  return { id: row.user.id, name: row.user.name ?? "Participant", email: row.user.email };
}

export function keyFromScope(scope: Pick<RequestScope, "cookies">): string | null {
  return scope.cookies.get(COOKIES.participant.name(false)) ?? null;
}

/** The participant this browser holds a key for (without signing anyone in). */
export function participantOfScope(scope: Pick<RequestScope, "cookies">): Promise<Participant | null> {
  return participantByKey(keyFromScope(scope));
}

/** Hands this browser its key (server actions only: they can set cookies). */
export async function giveKey(key: string, secure: boolean): Promise<void> {
  (await cookies()).set(
    COOKIES.participant.name(secure),
    key,
    cookieOptions(COOKIES.participant, { secure }),
  );
}

/** Is this user a participant (and not the instructor or a seeded account)? */
export async function participantById(userId: string): Promise<Participant | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, kind: true },
  });
  return user?.kind === "participant"
    ? { id: user.id, name: user.name ?? "Participant", email: user.email }
    : null;
}
