import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma";
import { assertReachable, isConnectionFailure, StoreUnavailableError } from "@/lib/store/gate";

/**
 * One PrismaClient for the whole process (dev reloads keep it on globalThis). Every query passes
 * the store gate, so a simulated outage and a real one (connection refused) both surface as
 * StoreUnavailableError, never as "not found".
 */
function create() {
  const adapter = new PrismaBetterSQLite3({ url: env.DATABASE_URL });
  return new PrismaClient({ adapter }).$extends({
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
