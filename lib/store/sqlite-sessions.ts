import "server-only";
import path from "node:path";
import Database from "better-sqlite3";
import type { SessionRecord, SessionStore } from "./sessions";

/**
 * SQLite side of the session hot path: prepared statements on a connection of its own (WAL mode
 * lets it read while Prisma's connection writes). Dates are stored the way Prisma's adapter
 * writes them (ISO 8601 text), so both connections read each other's rows.
 */
interface Row {
  hash: string;
  userId: string;
  expires: string | number;
  authTime: string | number;
  lastSeenAt: string | number;
  persistent: number;
  email: string;
  name: string | null;
  role: string;
}

export function toSqliteTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

export function fromSqliteTime(value: string | number): number {
  return typeof value === "number" ? value : Date.parse(value);
}

export function sqliteFile(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}

/** The hot path's own connection (one per process). */
export function sqliteConnection(url: string): Database.Database {
  const conn = new Database(sqliteFile(url), { fileMustExist: true, timeout: 5000 });
  conn.pragma("journal_mode = WAL");
  return conn;
}

export function sqliteSessions(conn: Database.Database): SessionStore {
  const find = conn.prepare<[string], Row>(
    `SELECT s."sessionToken" AS hash, s."userId", s."expires", s."authTime", s."lastSeenAt", s."persistent",
            u."email", u."name", u."role"
       FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."sessionToken" = ?`,
  );
  const touch = conn.prepare<[string, string]>(
    `UPDATE "Session" SET "lastSeenAt" = ? WHERE "sessionToken" = ?`,
  );
  const extend = conn.prepare<[string, string, string]>(
    `UPDATE "Session" SET "expires" = ?, "lastSeenAt" = ? WHERE "sessionToken" = ?`,
  );
  const remove = conn.prepare<[string]>(`DELETE FROM "Session" WHERE "sessionToken" = ?`);

  return {
    name: "sqlite",
    async find(hash): Promise<SessionRecord | null> {
      const r = find.get(hash);
      if (!r) return null;
      return {
        hash: r.hash,
        userId: r.userId,
        expires: fromSqliteTime(r.expires),
        authTime: fromSqliteTime(r.authTime),
        lastSeenAt: fromSqliteTime(r.lastSeenAt),
        persistent: Boolean(r.persistent),
        user: { id: r.userId, email: r.email, name: r.name, role: r.role },
      };
    },
    async touch(hash, lastSeenAt) {
      touch.run(toSqliteTime(lastSeenAt), hash);
    },
    async extend(hash, expires, lastSeenAt) {
      extend.run(toSqliteTime(expires), toSqliteTime(lastSeenAt), hash);
    },
    async remove(hash) {
      remove.run(hash);
    },
  };
}
