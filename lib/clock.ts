import "server-only";
import { db } from "@/lib/db/client";

/**
 * The auth clock. Every expiry check in both strategies asks this, never Date.now(), so an
 * instructor can jump the server forward an hour and watch idle and absolute timeouts fire.
 * The offset lives in the database so every app instance sharing it agrees on the time.
 */
const OFFSET_KEY = "clock.offsetMs";
const REFRESH_MS = 1000;

let offsetMs = 0;
let readAt = 0;

/** Milliseconds on the auth clock. Synchronous: uses the offset last read by syncClock(). */
export function now(): number {
  return Date.now() + offsetMs;
}

export function nowSeconds(): number {
  return Math.floor(now() / 1000);
}

export function offset(): number {
  return offsetMs;
}

/** Re-read the shared offset at most once a second; called at the start of each auth request. */
export async function syncClock(force = false): Promise<void> {
  if (!force && Date.now() - readAt < REFRESH_MS) return;
  const row = await db.setting.findUnique({ where: { key: OFFSET_KEY } });
  const parsed = Number(row?.value ?? 0);
  offsetMs = Number.isFinite(parsed) ? parsed : 0;
  readAt = Date.now();
}

export async function setOffset(ms: number): Promise<void> {
  const value = String(Math.max(0, Math.trunc(ms)));
  await db.setting.upsert({
    where: { key: OFFSET_KEY },
    create: { key: OFFSET_KEY, value },
    update: { value },
  });
  await syncClock(true);
}

/**
 * Auth.js compares database-session expiry with the real Date.now(). The session store shifts
 * dates by the offset at its boundary so both clocks tell the same story.
 */
export function toRealTime(d: Date): Date {
  return new Date(d.getTime() - offsetMs);
}

export function toAuthTime(d: Date): Date {
  return new Date(d.getTime() + offsetMs);
}
