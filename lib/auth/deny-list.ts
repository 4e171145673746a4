import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { setSetting, setting } from "@/lib/settings";
import { step } from "./trace";

/**
 * The JWT deny-list. Auth.js rewrites `jti` on every re-encode, so entries key on our own stable
 * `sid` claim (one sign-in, however often its token is refreshed) or on the user id (every token
 * issued before the entry). An entry is kept only as long as the tokens it blocks could live.
 */
const ENFORCE_KEY = "denylist.enforce";

/**
 * Whether JWT checks consult the deny-list. A server-wide setting, never a cookie: whoever holds
 * a stolen token must not be able to opt out of the check.
 */
export function denyListEnforced(): boolean {
  return setting(ENFORCE_KEY) === "1";
}

export async function setDenyListEnforced(on: boolean): Promise<void> {
  await setSetting(ENFORCE_KEY, on ? "1" : "0");
}

export interface DenyCheck {
  sid: string;
  sub: string;
  authTime: number;
}

export async function isDenied(token: DenyCheck): Promise<string | null> {
  const entries = await step(
    "Deny-list: look up this token's sid and user",
    () =>
      db.denyListEntry.findMany({
        where: {
          OR: [
            { kind: "sid", value: token.sid },
            { kind: "user", value: token.sub },
          ],
          expiresAt: { gt: new Date(now()) },
        },
      }),
    (rows) => (rows.length ? `${rows.length} entry` : "not listed"),
  );
  for (const e of entries) {
    if (e.kind === "sid") return `This token's session (sid) is on the deny-list: ${e.reason}.`;
    if (token.authTime * 1000 <= e.createdAt.getTime())
      return `Every token of this user issued before the deny-list entry is refused: ${e.reason}.`;
  }
  return null;
}

function expiry(): Date {
  // Longest a token can live: the absolute timeout (idle tokens expire sooner).
  return new Date(now() + env.AUTH_ABSOLUTE_MAX_AGE * 1000);
}

/** `tokenEnd`: when the token would die anyway (its absolute timeout); the entry is useless after that. */
export async function denySid(sid: string, reason: string, tokenEnd: Date = expiry()): Promise<void> {
  await sweepDenyList();
  const data = { kind: "sid", value: sid, reason, createdAt: new Date(now()), expiresAt: tokenEnd };
  await db.denyListEntry.upsert({
    where: { kind_value: { kind: "sid", value: sid } },
    create: data,
    update: data,
  });
}

export async function denyUser(userId: string, reason: string): Promise<void> {
  await sweepDenyList();
  const data = { kind: "user", value: userId, reason, createdAt: new Date(now()), expiresAt: expiry() };
  await db.denyListEntry.upsert({
    where: { kind_value: { kind: "user", value: userId } },
    create: data,
    update: data,
  });
}

/** Expired entries block nothing; sweeping them (whenever an entry is added) keeps the lookup small. */
export async function sweepDenyList(): Promise<number> {
  const { count } = await db.denyListEntry.deleteMany({ where: { expiresAt: { lte: new Date(now()) } } });
  return count;
}
