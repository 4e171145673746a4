/**
 * The "services" project's servers (playwright.config.ts): an app instance on SVC_APP_PORT and
 * the orders service on SVC_SERVICE_PORT in front of it. Like serve-locked.ts it never builds:
 * it waits for the first e2e server (so the build and the database are ready), then starts both.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BASE_URL, E2E_DIST_DIR, REPO_ROOT } from "./env";
import { startApp, startService, stop } from "./processes";
import {
  SVC_APP_ENV,
  SVC_APP_ORIGIN,
  SVC_APP_PORT,
  SVC_SERVICE_PORT,
  SVC_SERVICE_URL,
  serviceEnv,
} from "./services-env";

const BUILD_ID = path.join(REPO_ROOT, E2E_DIST_DIR, "BUILD_ID");
/** The server whose start means "build and database ready" (moved along when its port is). */
const FIRST_SERVER = process.env.E2E_FIRST_SERVER_URL || BASE_URL;

async function firstServerIsUp(): Promise<boolean> {
  if (!existsSync(BUILD_ID)) return false;
  try {
    return (await fetch(`${FIRST_SERVER}/api/auth/providers`)).ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  while (!(await firstServerIsUp())) {
    if (Date.now() > deadline) {
      console.error("serve-services: the first e2e server did not come up; nothing to serve.");
      process.exit(1);
    }
    await sleep(500);
  }
  const app = startApp(SVC_APP_PORT, { ...SVC_APP_ENV, ORDERS_SERVICE_URL: SVC_SERVICE_URL });
  const service = startService(serviceEnv(SVC_APP_ORIGIN, SVC_SERVICE_PORT));
  const shutdown = async (code: number) => {
    await Promise.all([stop(app), stop(service)]);
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));
  app.on("exit", (code) => void shutdown(code ?? 1));
  service.on("exit", (code) => void shutdown(code ?? 1));
}

void main();
