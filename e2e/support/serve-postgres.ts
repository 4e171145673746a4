/**
 * The "postgresql" project's server (playwright.config.ts): the e2e build on a PostgreSQL
 * database of its own, `session_lab_e2e`, dropped and re-made by `npm run setup` (the project's
 * migration runner and seeding) on every run. Like serve-locked.ts it never builds: it waits for
 * the first e2e server, so the build is ready.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { BASE_URL, E2E_DIST_DIR, E2E_POSTGRES_URL, POSTGRES_PORT, REPO_ROOT } from "./env";

const BUILD_ID = path.join(REPO_ROOT, process.env.NEXT_DIST_DIR ?? E2E_DIST_DIR, "BUILD_ID");
const FIRST_SERVER = `${BASE_URL}/api/auth/providers`;

async function firstServerIsUp(): Promise<boolean> {
  if (!existsSync(BUILD_ID)) return false;
  try {
    return (await fetch(FIRST_SERVER)).ok;
  } catch {
    return false;
  }
}

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
  const deadline = Date.now() + 10 * 60_000;
  while (!(await firstServerIsUp())) {
    if (Date.now() > deadline) {
      console.error(`serve-postgres: ${FIRST_SERVER} did not come up; nothing to serve.`);
      process.exit(1);
    }
    await sleep(500);
  }
  const env = { ...process.env, DATABASE_URL: E2E_POSTGRES_URL };
  await dropDatabase(E2E_POSTGRES_URL);
  const setup = spawnSync("npm", ["run", "setup"], { cwd: REPO_ROOT, stdio: "inherit", env });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
  const server = spawn(
    path.join(REPO_ROOT, "node_modules", ".bin", "next"),
    ["start", "-p", String(POSTGRES_PORT)],
    { cwd: REPO_ROOT, stdio: "inherit", env },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

void main();
