import "server-only";
import type pg from "pg";
import type { DenyEntry, DenyListStore } from "./deny-list";
import type { SessionRecord, SessionStore } from "./sessions";

/**
 * PostgreSQL side of the hot paths: named prepared statements on the shared pool (parsed and
 * planned once per connection). Prisma stores DateTime as timestamp(3) in UTC; times cross here as
 * epoch milliseconds (EXTRACT(EPOCH …) reads a timestamp as UTC) and go in as UTC text.
 */
export function toPgTime(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").replace("Z", "");
}

const ms = (col: string) => `(EXTRACT(EPOCH FROM ${col}) * 1000)::float8`;

interface SessionRow {
  hash: string;
  userId: string;
  expires: number;
  authTime: number;
  lastSeenAt: number;
  persistent: boolean;
  email: string;
  name: string | null;
  role: string;
}

export function pgSessions(pool: pg.Pool): SessionStore {
  const find = {
    name: "session-find",
    text: `SELECT s."sessionToken" AS hash, s."userId" AS "userId", ${ms('s."expires"')} AS expires,
                  ${ms('s."authTime"')} AS "authTime", ${ms('s."lastSeenAt"')} AS "lastSeenAt", s."persistent",
                  u."email", u."name", u."role"
             FROM "Session" s JOIN "User" u ON u."id" = s."userId"
            WHERE s."sessionToken" = $1`,
  };
  return {
    name: "postgresql",
    async find(hash): Promise<SessionRecord | null> {
      const { rows } = await pool.query<SessionRow>({ ...find, values: [hash] });
      const r = rows[0];
      if (!r) return null;
      return {
        hash: r.hash,
        userId: r.userId,
        expires: r.expires,
        authTime: r.authTime,
        lastSeenAt: r.lastSeenAt,
        persistent: r.persistent,
        user: { id: r.userId, email: r.email, name: r.name, role: r.role },
      };
    },
    async touch(hash, lastSeenAt) {
      await pool.query({
        name: "session-touch",
        text: `UPDATE "Session" SET "lastSeenAt" = $1 WHERE "sessionToken" = $2`,
        values: [toPgTime(lastSeenAt), hash],
      });
    },
    async extend(hash, expires, lastSeenAt) {
      await pool.query({
        name: "session-extend",
        text: `UPDATE "Session" SET "expires" = $1, "lastSeenAt" = $2 WHERE "sessionToken" = $3`,
        values: [toPgTime(expires), toPgTime(lastSeenAt), hash],
      });
    },
    async remove(hash) {
      await pool.query({
        name: "session-remove",
        text: `DELETE FROM "Session" WHERE "sessionToken" = $1`,
        values: [hash],
      });
    },
  };
}

interface DenyRow {
  kind: string;
  value: string;
  reason: string;
  createdAt: number;
  expiresAt: number;
}

const entry = (r: DenyRow): DenyEntry => ({
  kind: r.kind === "user" ? "user" : "sid",
  value: r.value,
  reason: r.reason,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
});

const COLUMNS = `"kind", "value", "reason", ${ms('"createdAt"')} AS "createdAt", ${ms('"expiresAt"')} AS "expiresAt"`;

/** The deny-list in PostgreSQL (used when REDIS_URL is not set). Expired entries are swept on every add. */
export function pgDenyList(pool: pg.Pool): DenyListStore {
  return {
    name: "postgresql",
    async lookup(sid, userId, at) {
      const { rows } = await pool.query<DenyRow>({
        name: "deny-lookup",
        text: `SELECT ${COLUMNS} FROM "DenyListEntry"
                WHERE (("kind" = 'sid' AND "value" = $1) OR ("kind" = 'user' AND "value" = $2)) AND "expiresAt" > $3`,
        values: [sid, userId, toPgTime(at)],
      });
      return rows.map(entry);
    },
    async put(e, at) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(`DELETE FROM "DenyListEntry" WHERE "expiresAt" <= $1`, [toPgTime(at)]);
        await client.query(
          `INSERT INTO "DenyListEntry" ("id", "kind", "value", "reason", "createdAt", "expiresAt")
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT ("kind", "value") DO UPDATE SET "reason" = excluded."reason",
             "createdAt" = excluded."createdAt", "expiresAt" = excluded."expiresAt"`,
          [
            `deny_${e.kind}_${e.value}`.slice(0, 120),
            e.kind,
            e.value,
            e.reason,
            toPgTime(e.createdAt),
            toPgTime(e.expiresAt),
          ],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async live(at) {
      const { rows } = await pool.query<DenyRow>(
        `SELECT ${COLUMNS} FROM "DenyListEntry" WHERE "expiresAt" > $1`,
        [toPgTime(at)],
      );
      return rows.map(entry);
    },
    async clampFuture(at) {
      await pool.query(`UPDATE "DenyListEntry" SET "createdAt" = $1 WHERE "createdAt" > $1`, [toPgTime(at)]);
    },
    async clear() {
      await pool.query(`DELETE FROM "DenyListEntry"`);
    },
  };
}
