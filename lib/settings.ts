import "server-only";
import { db } from "@/lib/db/client";

/**
 * Server-wide switches (auth clock offset, deny-list enforcement), shared by every instance
 * through the database and re-read at most once a second: a request never waits on a write
 * elsewhere for longer than that.
 */
const REFRESH_MS = 1000;
// On globalThis: Next bundles route handlers, the proxy and pages separately, and a module-level
// cache would give each its own copy, so a write in one would reach the others a second late.
const shared = globalThis as unknown as {
  sessionLabSettings?: { values: Map<string, string>; readAt: number };
};
shared.sessionLabSettings ??= { values: new Map(), readAt: 0 };
const state = shared.sessionLabSettings;

export async function syncSettings(force = false): Promise<void> {
  if (!force && Date.now() - state.readAt < REFRESH_MS) return;
  const rows = await db.setting.findMany();
  state.values = new Map(rows.map((r) => [r.key, r.value]));
  state.readAt = Date.now();
}

/** The value read by the last syncSettings(). Synchronous, so hot paths never await it. */
export function setting(key: string): string | undefined {
  return state.values.get(key);
}

export async function setSetting(key: string, value: string): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  await syncSettings(true);
}
