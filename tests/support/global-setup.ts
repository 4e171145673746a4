import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "../../lib/db/migrate";
import { sqliteMigrationDriver } from "../../lib/db/sqlite-driver";
import { REPO_ROOT, UNIT_DB_DIR, UNIT_DB_FILE } from "./paths";

/** A fresh, migrated SQLite database for every `vitest run`. */
export default async function setup(): Promise<void> {
  rmSync(UNIT_DB_DIR, { recursive: true, force: true });
  mkdirSync(UNIT_DB_DIR, { recursive: true });
  const db = new Database(UNIT_DB_FILE);
  try {
    db.pragma("journal_mode = WAL");
    await migrate(sqliteMigrationDriver(db), path.join(REPO_ROOT, "prisma", "migrations"));
  } finally {
    db.close();
  }
}
