import path from "node:path";
import { E2E_AUTH_SECRET, PORT_OFFSET, REPO_ROOT } from "../support/env";

/**
 * The workshop-mode server the "workshop" project runs against: its own port and SQLite file, the
 * e2e build (or, with WORKSHOP_BUILD=1, a build of its own: see serve.ts), and a known instructor
 * secret, since the printed one is shown only in that server's terminal.
 */
export const WORKSHOP_PORT = Number(process.env.WORKSHOP_PORT ?? 3105 + PORT_OFFSET);
export const WORKSHOP_BASE_URL = `http://localhost:${WORKSHOP_PORT}`;
export const WORKSHOP_DB_URL = process.env.WORKSHOP_DB_URL ?? "file:./.data/e2e-workshop.db";
export const WORKSHOP_DB_FILE = path.join(REPO_ROOT, WORKSHOP_DB_URL.slice("file:".length));
export const INSTRUCTOR_SECRET = "workshop-e2e-instructor-secret-0001";
/** The orders service next to the workshop server (serve.ts starts it), for lab 6's calls. */
export const WORKSHOP_ORDERS_PORT = WORKSHOP_PORT + 1000;

/** What the server is started with (playwright.config.ts passes it to serve.ts). */
export const WORKSHOP_SERVER_ENV = {
  SESSION_LAB_MODE: "workshop",
  INSTRUCTOR_SECRET,
  DATABASE_URL: WORKSHOP_DB_URL,
  AUTH_SECRET: E2E_AUTH_SECRET,
  SERVICE_CLIENT_SECRET: "workshop-e2e-service-secret-not-for-production",
  AUTH_SESSION_STRATEGY: "database",
  AUTH_STRATEGY_LOCKED: "0",
  SESSION_LAB_DEMO: "1",
  SESSION_LAB_INSTANCE: "workshop",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(WORKSHOP_PORT),
  SESSION_LAB_INTERNAL_URL: `http://127.0.0.1:${WORKSHOP_PORT}`,
  ORDERS_SERVICE_URL: `http://127.0.0.1:${WORKSHOP_ORDERS_PORT}`,
};
