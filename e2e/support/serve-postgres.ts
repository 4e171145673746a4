/**
 * The "postgresql" project's server (playwright.config.ts): the e2e build on a PostgreSQL
 * database of its own, `session_lab_e2e`, dropped and re-made by `npm run setup` (the project's
 * migration runner and seeding) on every run. Like serve-locked.ts it never builds: it waits for
 * the first e2e server, so the build is ready.
 */

import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { E2E_POSTGRES_URL, POSTGRES_PORT, REPO_ROOT } from "./env";
import { mirror, waitForFirstServer } from "./first-server";

async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  await waitForFirstServer("serve-postgres");
  const env = { ...process.env, DATABASE_URL: E2E_POSTGRES_URL };
  await dropDatabase(E2E_POSTGRES_URL);
  const setup = spawnSync("npm", ["run", "setup"], { cwd: REPO_ROOT, stdio: "inherit", env });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
  const server = spawn(
    path.join(REPO_ROOT, "node_modules", ".bin", "next"),
    ["start", "-p", String(POSTGRES_PORT)],
    { cwd: REPO_ROOT, stdio: "inherit", env },
  );
  mirror(server);
}

void main();
