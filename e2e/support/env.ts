import path from "node:path";

/**
 * Where the end-to-end server lives. It never shares anything with the demo (port 3000, `.next`,
 * `.data/session-lab.db`): its own port, build folder, database and a fixed, public test secret.
 */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
/**
 * Every e2e port moves by E2E_PORT_OFFSET (default 0), so a second checkout (or a machine where
 * 3100-3105 are taken) runs the suite beside the first: E2E_PORT_OFFSET=1000 uses 4100-4105, etc.
 */
export const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET || 0);
export const E2E_PORT = 3100 + PORT_OFFSET;
// localhost, not 127.0.0.1: Next normalizes 127.0.0.1 in request URLs to "localhost", so links the
// app builds (magic links) name localhost, and cookies must be on the same host as the page.
export const BASE_URL = `http://localhost:${E2E_PORT}`;
/**
 * A second server on the same build and database, started with AUTH_STRATEGY_LOCKED=1 and JWT as
 * the default (e2e/support/serve-locked.ts). Cookies ignore ports, so a browser's cookies for
 * localhost reach both servers.
 */
export const LOCKED_PORT = 3101 + PORT_OFFSET;
export const LOCKED_BASE_URL = `http://localhost:${LOCKED_PORT}`;
/**
 * The same build and database over HTTPS (a certificate made at start, e2e/support/serve-https.ts):
 * where Auth.js's cookies take their `__Secure-` / `__Host-` names and HSTS is sent.
 */
export const HTTPS_PORT = 3102 + PORT_OFFSET;
export const HTTPS_BASE_URL = `https://localhost:${HTTPS_PORT}`;
export const E2E_DIST_DIR = ".next-e2e";
/**
 * The same build on PostgreSQL (e2e/support/serve-postgres.ts): the store-touching specs run
 * again against it. Its own database, dropped and re-made each run. Skipped, with a message, when
 * nothing listens there; E2E_POSTGRES_URL points it elsewhere.
 */
export const POSTGRES_PORT = 3103 + PORT_OFFSET;
export const POSTGRES_BASE_URL = `http://localhost:${POSTGRES_PORT}`;
export const E2E_POSTGRES_URL =
  process.env.E2E_POSTGRES_URL ||
  `postgresql://postgres@127.0.0.1:5432/session_lab_e2e${PORT_OFFSET ? `_${PORT_OFFSET}` : ""}`;
export const E2E_DB_URL = "file:./.data/e2e.db";
export const E2E_DB_FILE = path.join(REPO_ROOT, ".data", "e2e.db");
/** 43 characters, like `openssl rand -base64 32`; a test secret, so it is fine that it is public. */
export const E2E_AUTH_SECRET = "playwright-e2e-secret-not-for-production-01";

/** The seeded account the fixtures copy a password hash from (see lib/demo-accounts.ts). */
export const SEEDED_EMAIL = "alice@example.com";
export const DEMO_PASSWORD = "demo-password";
