import "server-only";
import type Database from "better-sqlite3";
import type { DenyEntry, DenyListStore } from "./deny-list";
import { fromSqliteTime, toSqliteTime } from "./sqlite-sessions";

interface Row {
  kind: string;
  value: string;
  reason: string;
  createdAt: string | number;
  expiresAt: string | number;
}

const entry = (r: Row): DenyEntry => ({
  kind: r.kind === "user" ? "user" : "sid",
  value: r.value,
  reason: r.reason,
  createdAt: fromSqliteTime(r.createdAt),
  expiresAt: fromSqliteTime(r.expiresAt),
});

/**
 * The deny-list in SQLite. Expired entries block nothing and are swept whenever one is added, so
 * the table stays as small as the set of tokens that are both revoked and still alive.
 */
export function sqliteDenyList(conn: Database.Database): DenyListStore {
  const lookup = conn.prepare<[string, string, string], Row>(
    `SELECT "kind", "value", "reason", "createdAt", "expiresAt" FROM "DenyListEntry"
      WHERE (("kind" = 'sid' AND "value" = ?) OR ("kind" = 'user' AND "value" = ?)) AND "expiresAt" > ?`,
  );
  const live = conn.prepare<[string], Row>(
    `SELECT "kind", "value", "reason", "createdAt", "expiresAt" FROM "DenyListEntry" WHERE "expiresAt" > ?`,
  );
  const sweep = conn.prepare<[string]>(`DELETE FROM "DenyListEntry" WHERE "expiresAt" <= ?`);
  const put = conn.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO "DenyListEntry" ("id", "kind", "value", "reason", "createdAt", "expiresAt")
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT ("kind", "value") DO UPDATE SET "reason" = excluded."reason",
       "createdAt" = excluded."createdAt", "expiresAt" = excluded."expiresAt"`,
  );
  const clear = conn.prepare(`DELETE FROM "DenyListEntry"`);
  const clamp = conn.prepare<[string, string]>(
    `UPDATE "DenyListEntry" SET "createdAt" = ? WHERE "createdAt" > ?`,
  );
  return {
    name: "sqlite",
    async lookup(sid, userId, at) {
      return lookup.all(sid, userId, toSqliteTime(at)).map(entry);
    },
    async put(e, at) {
      conn.transaction(() => {
        sweep.run(toSqliteTime(at));
        put.run(
          `deny_${e.kind}_${e.value}`.slice(0, 120),
          e.kind,
          e.value,
          e.reason,
          toSqliteTime(e.createdAt),
          toSqliteTime(e.expiresAt),
        );
      })();
    },
    async live(at) {
      return live.all(toSqliteTime(at)).map(entry);
    },
    async clampFuture(at) {
      clamp.run(toSqliteTime(at), toSqliteTime(at));
    },
    async clear() {
      clear.run();
    },
  };
}
