/**
 * The "services" project's servers (playwright.config.ts): an app instance on SVC_APP_PORT and
 * the orders service on SVC_SERVICE_PORT in front of it. Like serve-locked.ts it never builds:
 * it waits for the first e2e server (so the build and the database are ready), then starts both.
 */

import { waitForFirstServer } from "./first-server";
import { startApp, startService, stop } from "./processes";
import {
  SVC_APP_ENV,
  SVC_APP_ORIGIN,
  SVC_APP_PORT,
  SVC_SERVICE_PORT,
  SVC_SERVICE_URL,
  serviceEnv,
} from "./services-env";

async function main(): Promise<void> {
  await waitForFirstServer("serve-services");
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
