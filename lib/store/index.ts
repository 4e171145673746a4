import "server-only";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPrisma,
  RateLimiterRedis,
} from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { engineOf } from "@/lib/db/schemas";
import { env } from "@/lib/env";
import type { DenyListStore } from "./deny-list";
import { type StoreKind, throughGate } from "./gate";
import { watchOutages } from "./outage-board";
import { pgDenyList, pgSessions } from "./pg-sessions";
import { redisClient, redisDenyList } from "./redis";
import type { SessionStore } from "./sessions";
import { sqliteDenyList } from "./sqlite-deny-list";
import { sqliteConnection, sqliteSessions } from "./sqlite-sessions";

/**
 * The stores this process uses, chosen by the environment, with every call passing the store gate:
 *  - sessions: SQLite (DATABASE_URL=file:…) or PostgreSQL (postgresql://…);
 *  - the JWT deny-list and the sign-in rate-limit counters: Redis when REDIS_URL is set, else the database.
 * One set per process, on globalThis: Next bundles route handlers, the proxy and pages separately,
 * and each bundle must see the same connections.
 */
export type LimiterFactory = (o: {
  keyPrefix: string;
  points: number;
  duration: number;
}) => RateLimiterAbstract;

interface Stores {
  sessions: SessionStore;
  denyList: DenyListStore;
  /** Where the deny-list and the counters live: the outage control and the panels name it. */
  denyListKind: StoreKind;
  limiter: LimiterFactory;
}

const shared = globalThis as unknown as { sessionLabStores?: Stores };

function gatedSessions(store: SessionStore): SessionStore {
  return {
    name: store.name,
    find: (hash) => throughGate("database", () => store.find(hash)),
    touch: (hash, at) => throughGate("database", () => store.touch(hash, at)),
    extend: (hash, expires, at) => throughGate("database", () => store.extend(hash, expires, at)),
    remove: (hash) => throughGate("database", () => store.remove(hash)),
  };
}

function gatedDenyList(store: DenyListStore, kind: StoreKind): DenyListStore {
  return {
    name: store.name,
    lookup: (sid, userId, at) => throughGate(kind, () => store.lookup(sid, userId, at)),
    put: (e, at) => throughGate(kind, () => store.put(e, at)),
    live: (at) => throughGate(kind, () => store.live(at)),
    clampFuture: (at) => throughGate(kind, () => store.clampFuture(at)),
    clear: () => throughGate(kind, () => store.clear()),
  };
}

function open(): Stores {
  watchOutages(); // a simulated outage announced on any instance reaches this one (outage-board.ts)
  const redis = env.REDIS_URL ? redisClient(env.REDIS_URL) : null;
  const sessionsAndList =
    engineOf(env.DATABASE_URL) === "postgresql"
      ? { sessions: pgSessions(pgPool()), denyList: pgDenyList(pgPool()) }
      : (() => {
          const conn = sqliteConnection(env.DATABASE_URL);
          return { sessions: sqliteSessions(conn), denyList: sqliteDenyList(conn) };
        })();
  const denyListKind: StoreKind = redis ? "redis" : "database";
  // While the counters' store is unreachable, each instance counts in its own memory (RLF's
  // "insurance" limiter): sign-in stays limited, just per instance, until the store is back.
  const insured = (o: Parameters<LimiterFactory>[0]) => ({
    ...o,
    insuranceLimiter: new RateLimiterMemory(o),
  });
  const limiter: LimiterFactory = redis
    ? (o) => new RateLimiterRedis({ ...insured(o), storeClient: redis, useRedisPackage: true })
    : (o) =>
        new RateLimiterPrisma({
          ...insured(o),
          storeClient: db,
          tableName: "rateLimiterFlexible",
          clearExpiredByTimeout: false,
        });
  return {
    sessions: gatedSessions(sessionsAndList.sessions),
    denyList: gatedDenyList(redis ? redisDenyList(redis) : sessionsAndList.denyList, denyListKind),
    denyListKind,
    limiter,
  };
}

export function stores(): Stores {
  shared.sessionLabStores ??= open();
  return shared.sessionLabStores;
}
