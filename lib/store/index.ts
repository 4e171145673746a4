import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import { engineOf } from "@/lib/db/schemas";
import { env } from "@/lib/env";
import type { DenyListStore } from "./deny-list";
import { throughGate } from "./gate";
import { pgDenyList, pgSessions } from "./pg-sessions";
import type { SessionStore } from "./sessions";
import { sqliteDenyList } from "./sqlite-deny-list";
import { sqliteConnection, sqliteSessions } from "./sqlite-sessions";

/**
 * The stores this process uses, chosen by the environment (DATABASE_URL, REDIS_URL), with every
 * call passing the store gate. One set per process, on globalThis: Next bundles route handlers,
 * the proxy and pages separately, and each bundle must see the same connections.
 */
interface Stores {
  sessions: SessionStore;
  denyList: DenyListStore;
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

function gatedDenyList(store: DenyListStore, kind: "database" | "redis"): DenyListStore {
  return {
    name: store.name,
    lookup: (sid, userId, at) => throughGate(kind, () => store.lookup(sid, userId, at)),
    put: (e, at) => throughGate(kind, () => store.put(e, at)),
    live: (at) => throughGate(kind, () => store.live(at)),
    clear: () => throughGate(kind, () => store.clear()),
  };
}

function open(): Stores {
  if (engineOf(env.DATABASE_URL) === "postgresql") {
    const pool = pgPool();
    return {
      sessions: gatedSessions(pgSessions(pool)),
      denyList: gatedDenyList(pgDenyList(pool), "database"),
    };
  }
  const conn = sqliteConnection(env.DATABASE_URL);
  return {
    sessions: gatedSessions(sqliteSessions(conn)),
    denyList: gatedDenyList(sqliteDenyList(conn), "database"),
  };
}

export function stores(): Stores {
  shared.sessionLabStores ??= open();
  return shared.sessionLabStores;
}

/** Which store kind holds the deny-list (for the outage control and the panels). */
export function denyListStoreKind(): "database" | "redis" {
  return env.REDIS_URL ? "redis" : "database";
}
