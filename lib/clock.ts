import "server-only";
import { db } from "@/lib/db/client";
import { setSetting, setting, syncSettings } from "@/lib/settings";

/**
 * The auth clock. Every expiry check in both strategies asks this, never Date.now(), so an
 * instructor can jump the server forward an hour and watch idle and absolute timeouts fire.
 * The offset is a server-wide setting, so every app instance sharing the database agrees.
 */
const OFFSET_KEY = "clock.offsetMs";

export function offset(): number {
  const parsed = Number(setting(OFFSET_KEY) ?? 0);
  return Number.isFinite(parsed) ? parsed : 0;
}

/** Milliseconds on the auth clock. Synchronous: uses the offset last read by syncClock(). */
export function now(): number {
  return Date.now() + offset();
}

export function nowSeconds(): number {
  return Math.floor(now() / 1000);
}

/** Re-read the shared offset (at most once a second unless forced); called at the start of each auth request. */
export const syncClock = syncSettings;

/**
 * Move the clock. Going back ("Back to now") leaves rows stamped in the auth clock's future;
 * they are pulled back to the new now, or a token used at +8 days would look "used in the
 * future" (inside every grace window) and a deny entry would block sign-ins for days.
 */
export async function setOffset(ms: number): Promise<void> {
  const before = offset();
  await setSetting(OFFSET_KEY, String(Math.max(0, Math.trunc(ms))));
  if (offset() < before) await clampFuture(new Date(now()));
}

async function clampFuture(t: Date): Promise<void> {
  const future = { gt: t };
  await db.$transaction([
    db.refreshToken.updateMany({ where: { usedAt: future }, data: { usedAt: t } }),
    db.refreshToken.updateMany({ where: { createdAt: future }, data: { createdAt: t } }),
    db.refreshFamily.updateMany({ where: { createdAt: future }, data: { createdAt: t } }),
    db.denyListEntry.updateMany({ where: { createdAt: future }, data: { createdAt: t } }),
    db.session.updateMany({ where: { authTime: future }, data: { authTime: t } }),
    db.session.updateMany({ where: { lastSeenAt: future }, data: { lastSeenAt: t } }),
    db.session.updateMany({ where: { createdAt: future }, data: { createdAt: t } }),
    db.issuedToken.updateMany({ where: { createdAt: future }, data: { createdAt: t } }),
  ]);
}

/**
 * Auth.js compares database-session and magic-link expiry with the real Date.now(). Stores
 * shift dates by the offset at their boundary so both clocks tell the same story.
 */
export function toRealTime(d: Date): Date {
  return new Date(d.getTime() - offset());
}

export function toAuthTime(d: Date): Date {
  return new Date(d.getTime() + offset());
}
