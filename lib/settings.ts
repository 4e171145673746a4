import "server-only";
import { db } from "@/lib/db/client";

/**
 * Server-wide switches (auth clock offset, deny-list enforcement), shared by every instance
 * through the database and re-read at most once a second: a request never waits on a write
 * elsewhere for longer than that.
 */
const REFRESH_MS = 1000;
let values = new Map<string, string>();
let readAt = 0;

export async function syncSettings(force = false): Promise<void> {
  if (!force && Date.now() - readAt < REFRESH_MS) return;
  const rows = await db.setting.findMany();
  values = new Map(rows.map((r) => [r.key, r.value]));
  readAt = Date.now();
}

/** The value read by the last syncSettings(). Synchronous, so hot paths never await it. */
export function setting(key: string): string | undefined {
  return values.get(key);
}

export async function setSetting(key: string, value: string): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  await syncSettings(true);
}
