import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * A tiny migration runner: applies each prisma/migrations/<name>/migration.sql once, in name
 * order, and records it. Prisma's own `migrate deploy` works for SQLite but not for PostgreSQL
 * with the WebAssembly engine (see README), so one runner serves both through this interface.
 */
export interface MigrationDriver {
  exec(sql: string): Promise<void>;
  applied(): Promise<Set<string>>;
  record(name: string): Promise<void>;
}

export function pendingMigrations(dir: string, applied: Set<string>): { name: string; sql: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !applied.has(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

export async function migrate(driver: MigrationDriver, dir: string): Promise<string[]> {
  const todo = pendingMigrations(dir, await driver.applied());
  for (const m of todo) {
    await driver.exec(m.sql);
    await driver.record(m.name);
  }
  return todo.map((m) => m.name);
}
