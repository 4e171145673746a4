import pg from "pg";
import { UNIT_DB_FILE, UNIT_PG_DATABASE } from "./paths";

/**
 * The databases the unit suite runs against. SQLite always; PostgreSQL when one answers at
 * TEST_POSTGRES_URL (default: the local server these machines and CI run, trust auth).
 */
export type TestEngine = "sqlite" | "postgresql";

export function postgresServerUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

export function databaseUrl(engine: TestEngine): string {
  if (engine === "sqlite") return `file:${UNIT_DB_FILE}`;
  const url = new URL(postgresServerUrl());
  url.pathname = `/${UNIT_PG_DATABASE}`;
  return url.toString();
}

export async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresServerUrl(), connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
