import type { Client } from "pg";
import type { MigrationDriver } from "./migrate";

/**
 * The migration runner's PostgreSQL side. Prisma's `migrate deploy` cannot apply migrations through
 * the WebAssembly engine here ("Column type 'name' could not be deserialized"), so the project
 * applies prisma/postgresql/migrations itself: each migration in one transaction, recorded by name,
 * under an advisory lock so two instances starting together never apply one twice.
 */
const LOCK_ID = 7_341_001;

export function pgMigrationDriver(
  client: Client,
): MigrationDriver & { lock(): Promise<void>; unlock(): Promise<void> } {
  return {
    async lock() {
      await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS "_session_lab_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
    },
    async unlock() {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]);
    },
    async exec(sql) {
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async applied() {
      const { rows } = await client.query<{ name: string }>('SELECT name FROM "_session_lab_migrations"');
      return new Set(rows.map((r) => r.name));
    },
    async record(name) {
      await client.query('INSERT INTO "_session_lab_migrations" (name) VALUES ($1)', [name]);
    },
  };
}

/** CREATE DATABASE when it does not exist yet (connecting to the server's `postgres` database). */
export async function ensurePgDatabase(
  url: string,
  connect: (url: string) => Promise<Client>,
): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) throw new Error(`unsupported database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = await connect(admin.toString());
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await client.end();
  }
}
