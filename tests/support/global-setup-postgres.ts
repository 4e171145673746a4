import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/db/migrate";
import { pgMigrationDriver } from "../../lib/db/pg-driver";
import { databaseUrl, postgresServerUrl } from "./engines";
import { REPO_ROOT, UNIT_PG_DATABASE } from "./paths";

/** A fresh PostgreSQL database for every run, migrated by the project's own runner. */
export default async function setup(): Promise<() => Promise<void>> {
  const admin = new pg.Client({ connectionString: postgresServerUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${UNIT_PG_DATABASE}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${UNIT_PG_DATABASE}"`);
  await admin.end();
  const client = new pg.Client({ connectionString: databaseUrl("postgresql") });
  await client.connect();
  try {
    const driver = pgMigrationDriver(client);
    await driver.lock();
    await migrate(driver, path.join(REPO_ROOT, "prisma", "postgresql", "migrations"));
    await driver.unlock();
  } finally {
    await client.end();
  }
  return async () => {
    const end = new pg.Client({ connectionString: postgresServerUrl() });
    await end.connect();
    await end.query(`DROP DATABASE IF EXISTS "${UNIT_PG_DATABASE}" WITH (FORCE)`);
    await end.end();
  };
}
