import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { db } from "@/lib/db/client";
import { setSetting, setting, syncSettings } from "@/lib/settings";
import { stores } from "@/lib/store";

/**
 * The auth clock. Every expiry decision in every mode asks this, never Date.now(), so an
 * instructor can jump the server forward an hour and watch idle and absolute timeouts fire.
 * The offset is a server-wide setting, so every app instance sharing the database agrees.
 *
 * Within one request the clock is frozen (see `atFixedTime`): a request that decodes a token
 * before a time jump and re-issues it after would otherwise mint a fresh window from an expired
 * session. Read the time once, decide everything on it.
 */
export interface Clock {
  now(): number;
}

const OFFSET_KEY = "clock.offsetMs";
const frozen = new AsyncLocalStorage<number>();

export function offset(): number {
  const parsed = Number(setting(OFFSET_KEY) ?? 0);
  return Number.isFinite(parsed) ? parsed : 0;
}

/** The machine's clock: only for things outside the lab's model of time (rate limits, benchmarks). */
export const wallClock: Clock = { now: () => Date.now() };

/** The auth clock: the request's frozen time when inside one, else the shared offset applied now. */
export const authClock: Clock = { now: () => frozen.getStore() ?? Date.now() + offset() };

/** Milliseconds on the auth clock. */
export function now(): number {
  return authClock.now();
}

export function nowSeconds(): number {
  return Math.floor(now() / 1000);
}

/** Run `fn` with the auth clock frozen at one instant (nested calls keep the outer instant). */
export function atFixedTime<T>(fn: () => T, at?: number): T {
  if (frozen.getStore() !== undefined) return fn();
  return frozen.run(at ?? Date.now() + offset(), fn);
}

/** Re-read the shared offset: never blocks once loaded (a stale value is refreshed in the background). */
export const syncClock = syncSettings;

/**
 * Move the clock. Going back ("Back to now") leaves rows stamped in the auth clock's future;
 * they are pulled back to the new now, or a token used at +8 days would look "used in the
 * future" (inside every grace window) and a deny entry would block sign-ins for days.
 */
export async function setOffset(ms: number): Promise<void> {
  const before = offset();
  await setSetting(OFFSET_KEY, String(Math.max(0, Math.trunc(ms))));
  if (offset() < before) await clampFuture(new Date(Date.now() + offset()));
}

async function clampFuture(t: Date): Promise<void> {
  const future = { gt: t };
  await db.$transaction([
    db.refreshToken.updateMany({ where: { usedAt: future }, data: { usedAt: t } }),
    db.refreshToken.updateMany({ where: { createdAt: future }, data: { createdAt: t } }),
    db.refreshFamily.updateMany({ where: { createdAt: future }, data: { createdAt: t } }),
    db.session.updateMany({ where: { authTime: future }, data: { authTime: t } }),
    db.session.updateMany({ where: { lastSeenAt: future }, data: { lastSeenAt: t } }),
    db.session.updateMany({ where: { createdAt: future }, data: { createdAt: t } }),
    db.issuedToken.updateMany({ where: { createdAt: future }, data: { createdAt: t } }),
  ]);
  await stores().denyList.clampFuture(t.getTime());
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
