import "server-only";
import { createClient } from "redis";
import type { DenyEntry, DenyListStore } from "./deny-list";

/**
 * Redis, where production setups keep deny-lists and counters: shared by every instance, and
 * entries expire by themselves. A deny-list entry lives exactly as long as the token it blocks
 * (PX = its remaining life); reads are one MGET round trip for the token's sid and user.
 *
 * Commands fail at once while the connection is down (no offline queue), so an outage surfaces as
 * StoreUnavailableError through the gate instead of requests hanging.
 */
export type Redis = ReturnType<typeof createClient>;

const PREFIX = "session-lab:deny:";
const shared = globalThis as unknown as { sessionLabRedis?: Redis };

export function redisClient(url: string): Redis {
  if (!shared.sessionLabRedis) {
    const client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
    });
    client.on("error", () => {}); // reported per command; an idle disconnect must not crash the process
    client.connect().catch(() => {});
    shared.sessionLabRedis = client;
  }
  return shared.sessionLabRedis;
}

function keyOf(kind: DenyEntry["kind"], value: string): string {
  return `${PREFIX}${kind}:${value}`;
}

function parse(raw: string | null): DenyEntry | null {
  if (!raw) return null;
  try {
    const e = JSON.parse(raw) as DenyEntry;
    return typeof e.createdAt === "number" && typeof e.expiresAt === "number" ? e : null;
  } catch {
    return null;
  }
}

async function allKeys(client: Redis): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 500 })) keys.push(...batch);
  return keys;
}

export function redisDenyList(client: Redis): DenyListStore {
  return {
    name: "redis",
    async lookup(sid, userId, at) {
      const raw = await client.mGet([keyOf("sid", sid), keyOf("user", userId)]);
      return raw.map(parse).filter((e): e is DenyEntry => e !== null && e.expiresAt > at);
    },
    async put(e, at) {
      const ttl = Math.max(1000, Math.ceil(e.expiresAt - at));
      await client.set(keyOf(e.kind, e.value), JSON.stringify(e), { expiration: { type: "PX", value: ttl } });
    },
    async live(at) {
      const keys = await allKeys(client);
      if (!keys.length) return [];
      return (await client.mGet(keys))
        .map(parse)
        .filter((e): e is DenyEntry => e !== null && e.expiresAt > at);
    },
    async clampFuture(at) {
      for (const key of await allKeys(client)) {
        const e = parse(await client.get(key));
        if (e && e.createdAt > at)
          await client.set(key, JSON.stringify({ ...e, createdAt: at }), { expiration: "KEEPTTL" });
      }
    },
    async clear() {
      const keys = await allKeys(client);
      if (keys.length) await client.del(keys);
    },
  };
}
