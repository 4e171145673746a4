import type Database from "better-sqlite3";
import type { MigrationDriver } from "./migrate";

/** The migration runner's SQLite side: each migration in one transaction, recorded by name. */
export function sqliteMigrationDriver(db: Database.Database): MigrationDriver {
  db.exec(
    'CREATE TABLE IF NOT EXISTS "_session_lab_migrations" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  return {
    async exec(sql) {
      db.transaction(() => db.exec(sql))();
    },
    async applied() {
      const rows = db.prepare('SELECT name FROM "_session_lab_migrations"').all() as { name: string }[];
      return new Set(rows.map((r) => r.name));
    },
    async record(name) {
      db.prepare('INSERT INTO "_session_lab_migrations" (name, applied_at) VALUES (?, ?)').run(
        name,
        new Date().toISOString(),
      );
    },
  };
}
