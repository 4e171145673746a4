/**
 * The "cluster" project's servers (playwright.config.ts): waits for the first e2e server (its build
 * in .next-e2e is the one every instance serves), resets the PostgreSQL database
 * `session_lab_e2e_cluster`, migrates and seeds it (`npm run setup`), then starts instances a and
 * b (E2E_CLUSTER_PORT+1, +2) and the front proxy on E2E_CLUSTER_PORT (3510).
 *
 * Without PostgreSQL it serves a placeholder on the front port instead, so the rest of the e2e run
 * is not held up; the specs then skip with a message saying how to bring PostgreSQL up.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { createFront } from "../../server/cluster/front";
import {
  type InstanceProcess,
  startInstance,
  stopInstance,
  waitUntilReady,
} from "../../server/cluster/instances";
import { BASE_URL, E2E_AUTH_SECRET, E2E_DIST_DIR, REPO_ROOT } from "../support/env";
import { CLUSTER_DB_URL, CLUSTER_FRONT_PORT, CLUSTER_INSTANCES, CLUSTER_SERVICE_SECRET } from "./env";

const BUILD_ID = path.join(REPO_ROOT, E2E_DIST_DIR, "BUILD_ID");
const FIRST_SERVER = process.env.E2E_FIRST_SERVER_URL || BASE_URL;

async function firstServerIsUp(): Promise<boolean> {
  if (!existsSync(BUILD_ID)) return false;
  try {
    return (await fetch(`${FIRST_SERVER}/api/auth/providers`)).ok;
  } catch {
    return false;
  }
}

/** Drops and recreates nothing but this project's own database (the setup step creates it again). */
async function resetDatabase(): Promise<boolean> {
  const admin = new URL(CLUSTER_DB_URL);
  const name = admin.pathname.slice(1);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return false;
  }
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, "")}" WITH (FORCE)`);
    return true;
  } finally {
    await client.end();
  }
}

function placeholder(): void {
  http
    .createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("cluster tests skipped: PostgreSQL is not reachable\n");
    })
    .listen(CLUSTER_FRONT_PORT);
  console.error(
    `serve-cluster: PostgreSQL is not reachable at ${new URL(CLUSTER_DB_URL).host}; the cluster specs will skip.`,
  );
}

async function main(): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  while (!(await firstServerIsUp())) {
    if (Date.now() > deadline) {
      console.error("serve-cluster: the first e2e server did not come up; nothing to serve.");
      process.exit(1);
    }
    await sleep(500);
  }
  if (!(await resetDatabase())) return placeholder();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: E2E_DIST_DIR,
    DATABASE_URL: CLUSTER_DB_URL,
    AUTH_SECRET: E2E_AUTH_SECRET,
    SERVICE_CLIENT_SECRET: CLUSTER_SERVICE_SECRET,
    AUTH_SESSION_STRATEGY: "database",
    AUTH_STRATEGY_LOCKED: "0",
    SESSION_LAB_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.REDIS_URL; // the deny-list in the shared database: one store to reset
  const setup = spawnSync(
    path.join(REPO_ROOT, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/setup.ts"],
    {
      cwd: REPO_ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env,
    },
  );
  if (setup.status !== 0) process.exit(setup.status ?? 1);

  const names = CLUSTER_INSTANCES.map((i) => i.name);
  const running: InstanceProcess[] = CLUSTER_INSTANCES.map((i) =>
    startInstance({ name: i.name, port: i.port, peers: names, env }, "ignore"),
  );
  const shutdown = async (code: number) => {
    await Promise.all(running.map(stopInstance));
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));
  for (const i of running) i.child.once("exit", (code) => void shutdown(code ?? 1));
  await Promise.all(running.map((i) => waitUntilReady(i)));
  // No host: localhost may resolve to ::1 or 127.0.0.1, and the browser must reach it either way.
  createFront(running).listen(CLUSTER_FRONT_PORT);
}

void main();
