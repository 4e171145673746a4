import "server-only";
import { db } from "@/lib/db/client";

/**
 * Server-wide switches (auth clock offset, deny-list enforcement), shared by every instance
 * through the database. A request never waits for them: once loaded, a value older than a second
 * is refreshed in the background while the request goes on with the one it has. A write on this
 * instance is visible here at once; on another instance within about a second.
 */
const REFRESH_MS = 1000;
// On globalThis: Next bundles route handlers, the proxy and pages separately, and a module-level
// cache would give each its own copy, so a write in one would reach the others a second late.
const shared = globalThis as unknown as {
  sessionLabSettings?: {
    values: Map<string, string>;
    readAt: number;
    loading: Promise<void> | null;
  };
};
shared.sessionLabSettings ??= { values: new Map(), readAt: 0, loading: null };
const state = shared.sessionLabSettings;

function load(): Promise<void> {
  state.loading ??= db.setting
    .findMany()
    .then((rows) => {
      state.values = new Map(rows.map((r) => [r.key, r.value]));
      state.readAt = Date.now();
    })
    .finally(() => {
      state.loading = null;
    });
  return state.loading;
}

/**
 * Make sure settings are loaded. `force` waits for a fresh read (after a write, or where the page
 * must show the latest value); otherwise only the very first call waits.
 */
export async function syncSettings(force = false): Promise<void> {
  if (force || !settingsReady()) return load();
}

/**
 * syncSettings for a hot path, without a promise once loaded: true when the values can be read
 * now (a stale copy is refreshed in the background); false before the first load (await syncSettings).
 */
export function settingsReady(): boolean {
  if (state.readAt === 0) return false;
  if (Date.now() - state.readAt >= REFRESH_MS) load().catch(() => {}); // a failed refresh keeps the last values
  return true;
}

/** The value read by the last sync. Synchronous, so hot paths never await it. */
export function setting(key: string): string | undefined {
  return state.values.get(key);
}

export async function setSetting(key: string, value: string): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  state.values.set(key, value);
  await syncSettings(true);
}
