import "server-only";
import { timingSafeEqual } from "node:crypto";
import { sha256 } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { setSetting } from "@/lib/settings";
import { isWorkshop } from "./mode";
import { randomSymbols } from "./pairing";

/**
 * The instructor's way in, in workshop mode: not a demo password everyone in the room has read on
 * the sign-in page, but a secret only the person at the server's terminal sees.
 *  - INSTRUCTOR_SECRET set: that is the secret; it is never written anywhere.
 *  - unset: each start draws a fresh one, prints it once, and stores only its SHA-256 (one per
 *    instance, so every instance of a cluster prints a secret that works).
 * Checking compares hashes in constant time, and is rate limited like a password (lib/room/limits.ts).
 */
export const INSTRUCTOR_EMAIL = "instructor@session-lab.invalid";
const SECRET_PREFIX = "room.instructor-secret.";

/** 25 symbols of 32 = 125 bits, in groups of five so it can be read off a terminal. */
function drawSecret(): string {
  return (randomSymbols(25).match(/.{5}/g) ?? []).join("-");
}

/** Runs once per server start (instrumentation.ts). Returns what it printed, for tests. */
export async function announceInstructorSecret(log = console.log): Promise<string | null> {
  if (!isWorkshop()) return null;
  await instructorAccount();
  if (env.INSTRUCTOR_SECRET) {
    log("Workshop mode: the instructor signs in at /instructor with INSTRUCTOR_SECRET.");
    return null;
  }
  const secret = drawSecret();
  await setSetting(`${SECRET_PREFIX}${env.SESSION_LAB_INSTANCE}`, sha256(secret));
  const line = "─".repeat(62);
  log(
    [
      line,
      " Workshop mode. The instructor signs in at /instructor with this secret.",
      " It is shown this once and stored only as a hash; a restart draws a new one.",
      "",
      `   ${secret}`,
      line,
    ].join("\n"),
  );
  return secret;
}

/** Is this the instructor's secret? Every candidate is compared, in constant time, whatever matches. */
export async function isInstructorSecret(input: string): Promise<boolean> {
  const candidates = env.INSTRUCTOR_SECRET
    ? [sha256(env.INSTRUCTOR_SECRET)]
    : (await db.setting.findMany({ where: { key: { startsWith: SECRET_PREFIX } } })).map((s) => s.value);
  const given = Buffer.from(sha256(input.trim()));
  let match = false;
  for (const c of candidates) {
    const stored = Buffer.from(c);
    if (stored.length === given.length && timingSafeEqual(stored, given)) match = true;
  }
  return match;
}

/** The instructor's account (made on first use): an admin with no password at all. */
export async function instructorAccount() {
  return db.user.upsert({
    where: { email: INSTRUCTOR_EMAIL },
    create: { email: INSTRUCTOR_EMAIL, name: "Instructor", role: "admin", kind: "account" },
    update: { role: "admin" },
    select: { id: true, email: true, name: true, role: true },
  });
}
