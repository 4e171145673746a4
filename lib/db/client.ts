import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma";

/**
 * One PrismaClient for the whole process (dev reloads keep it on globalThis).
 * The session store is reached only through this module, so another database can plug in here.
 */
const globalForDb = globalThis as unknown as { sessionLabDb?: PrismaClient };

function create() {
  const adapter = new PrismaBetterSQLite3({ url: env.DATABASE_URL });
  return new PrismaClient({ adapter });
}

export const db = globalForDb.sessionLabDb ?? create();
globalForDb.sessionLabDb = db;
