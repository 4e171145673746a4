/**
 * The workshop e2e server (playwright.config.ts's "workshop" webServer):
 *   1. its own clean database (WORKSHOP_DB_URL): deleted, then migrated and seeded by `npm run setup`;
 *   2. the build: by default the e2e build in NEXT_DIST_DIR, made by the first e2e server (this one
 *      waits for it, like serve-locked.ts); with WORKSHOP_BUILD=1, its own `next build` into
 *      NEXT_DIST_DIR (for working on the workshop alone, e.g. NEXT_DIST_DIR=.next-room);
 *   3. the app's own server (server/app-server.ts, what `npm start` runs), so client addresses and
 *      the instance name are what a workshop would see;
 *   4. the orders service next to it (ORDERS_SERVICE_URL, WORKSHOP_ORDERS_PORT by default), for lab 6 ("Beyond one server"): it
 *      trusts the app's internal URL and introspects with the app's SERVICE_CLIENT_SECRET. Stopping
 *      this script stops both.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BASE_URL, E2E_DIST_DIR, REPO_ROOT } from "../support/env";
import { startService, stop } from "../support/processes";
import { serviceEnv } from "../support/services-env";
import { WORKSHOP_DB_FILE, WORKSHOP_SERVER_ENV } from "./env";

const bin = (name: string) => path.join(REPO_ROOT, "node_modules", ".bin", name);
const dist = process.env.NEXT_DIST_DIR ?? E2E_DIST_DIR;

function run(cmd: string, args: string[]): number {
  return spawnSync(cmd, args, { cwd: REPO_ROOT, stdio: "inherit", env: process.env }).status ?? 1;
}

/** Building into another folder rewrites tsconfig.json and next-env.d.ts: put them back after. */
function buildOwn(): number {
  const files = ["tsconfig.json", "next-env.d.ts"].map((f) => path.join(REPO_ROOT, f)).filter(existsSync);
  const saved = files.map((f) => ({ f, text: readFileSync(f, "utf8") }));
  try {
    return run(bin("next"), ["build"]);
  } finally {
    for (const { f, text } of saved) if (readFileSync(f, "utf8") !== text) writeFileSync(f, text);
  }
}

async function waitForE2eBuild(): Promise<void> {
  const buildId = path.join(REPO_ROOT, dist, "BUILD_ID");
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const up =
      existsSync(buildId) &&
      (await fetch(`${BASE_URL}/api/auth/providers`).then(
        (r) => r.ok,
        () => false,
      ));
    if (up) return;
    if (Date.now() > deadline)
      throw new Error(`workshop serve: ${BASE_URL} never came up, so there is no build to serve`);
    await sleep(500);
  }
}

async function main(): Promise<void> {
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    rmSync(`${WORKSHOP_DB_FILE}${suffix}`, { force: true });
  if (run("npm", ["run", "setup"])) process.exit(1);
  if (process.env.WORKSHOP_BUILD === "1") {
    if (buildOwn()) process.exit(1);
  } else await waitForE2eBuild();
  const server = spawn(bin("tsx"), ["server/app-server.ts"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
    env: process.env,
  });
  // Where the app was told the service is (ORDERS_SERVICE_URL), so the two always agree.
  const ordersUrl = new URL(process.env.ORDERS_SERVICE_URL ?? WORKSHOP_SERVER_ENV.ORDERS_SERVICE_URL);
  const appOrigin = process.env.SESSION_LAB_INTERNAL_URL ?? WORKSHOP_SERVER_ENV.SESSION_LAB_INTERNAL_URL;
  const service = startService({
    ...serviceEnv(appOrigin, Number(ordersUrl.port)),
    // The app's own client secret (serviceEnv's is the services project's).
    SERVICE_CLIENT_SECRET: process.env.SERVICE_CLIENT_SECRET ?? WORKSHOP_SERVER_ENV.SERVICE_CLIENT_SECRET,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      server.kill(signal);
      void stop(service);
    });
  server.on("exit", (code) => void stop(service).then(() => process.exit(code ?? 0)));
  service.on("exit", (code) => {
    if (server.exitCode === null && server.signalCode === null) {
      console.error(`workshop serve: the orders service at ${ordersUrl.origin} stopped (${code})`);
      server.kill("SIGTERM");
    }
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
