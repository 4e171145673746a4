import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql";
import { PrismaClient } from "@/lib/generated/prisma";
import { assertReachable, isConnectionFailure, StoreUnavailableError } from "@/lib/store/gate";
import { pgPool } from "./pg-pool";
import { engineOf } from "./schemas";

/**
 * One PrismaClient for the whole process (dev reloads keep it on globalThis), for the database
 * DATABASE_URL names: SQLite (a file:, the embedded default) or PostgreSQL (several instances
 * sharing one store). Both clients are generated from one data model (lib/db/schemas.ts), so the
 * app sees one API; the SQLite client's type stands for both.
 *
 * Every query passes the store gate, so a simulated outage and a real one (connection refused)
 * both surface as StoreUnavailableError, never as "not found".
 */
function base(): PrismaClient {
  if (engineOf(env.DATABASE_URL) === "postgresql")
    return new PostgresClient({ adapter: new PrismaPg(pgPool()) }) as unknown as PrismaClient;
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: env.DATABASE_URL }) });
}

function create() {
  return base().$extends({
    query: {
      async $allOperations({ args, query }) {
        assertReachable("database");
        try {
          return await query(args);
        } catch (error) {
          if (isConnectionFailure(error))
            throw new StoreUnavailableError(
              "database",
              String((error as Error).message).split("\n")[0] ?? "",
            );
          throw error;
        }
      },
    },
  });
}

export type Db = ReturnType<typeof create>;

const globalForDb = globalThis as unknown as { sessionLabDb?: Db };

export const db: Db = globalForDb.sessionLabDb ?? create();
globalForDb.sessionLabDb = db;
