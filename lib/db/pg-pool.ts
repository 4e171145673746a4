import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

/**
 * The process's one PostgreSQL connection pool, shared by Prisma (through @prisma/adapter-pg) and
 * the session hot path (lib/store/pg-*.ts). Connection failures surface quickly (2 s) so an outage
 * reads as "unavailable" instead of hanging every request.
 */
const shared = globalThis as unknown as { sessionLabPgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  if (!shared.sessionLabPgPool) {
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: 10,
      connectionTimeoutMillis: 2000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on("error", () => {});
    shared.sessionLabPgPool = pool;
  }
  return shared.sessionLabPgPool;
}
