import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { CLUSTER_FRONT_URL } from "./e2e/cluster/env";
import type { StrategyOptions } from "./e2e/fixtures";
import {
  BASE_URL,
  E2E_AUTH_SECRET,
  E2E_DB_URL,
  E2E_DIST_DIR,
  E2E_PORT,
  E2E_POSTGRES_URL,
  HTTPS_BASE_URL,
  LOCKED_BASE_URL,
  LOCKED_PORT,
  POSTGRES_BASE_URL,
} from "./e2e/support/env";
import { postgresListening } from "./e2e/support/postgres-available";
import { SVC_APP_URL } from "./e2e/support/services-env";
import { WORKSHOP_BASE_URL, WORKSHOP_SERVER_ENV } from "./e2e/workshop/env";

/**
 * Every flow runs twice, once per session strategy: the `strategy` option sets the browser's
 * `auth-strategy` cookie (see e2e/fixtures.ts). The refresh-token specs run in a third project,
 * "jwt-refresh". locked.spec.ts runs once, against a second server that ignores the strategy
 * cookie. "setup" turns the server-wide deny-list check on first. Tests that change the whole
 * server (its clock, its keys, the deny-list switch) go in e2e/global/ and run alone, one at a
 * time, after every other project.
 */
const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const GLOBAL_SPECS = /global\/.*\.spec\.ts/;
const REFRESH_SPECS = /revocation-refresh\.spec\.ts/;
const LOCKED_SPECS = /locked\.spec\.ts/;
/** Workshop mode (docs/workshop.md): its own server, one spec at a time (the room is shared). */
const WORKSHOP_SPECS = /workshop\/.*\.spec\.ts/;
/**
 * The specs that read and write the session store, run a second time on PostgreSQL: the
 * database-mode flows (rows created, looked up, rotated, deleted) and the JWT deny-list.
 */
const STORE_SPECS_DATABASE =
  /(password-sign-in|sign-out|two-devices|session-rotation|revocation-database|bad-cookies)\.spec\.ts/;
const STORE_SPECS_JWT = /revocation-jwt\.spec\.ts/;

const RECIPES = /recipes\/.*\.recipe\.ts/;

const WITH_POSTGRES = postgresListening(E2E_POSTGRES_URL);
if (!WITH_POSTGRES)
  console.warn(
    `playwright: no PostgreSQL at ${E2E_POSTGRES_URL}: the "postgresql" project is skipped. ` +
      "Start PostgreSQL there (trust auth) or set E2E_POSTGRES_URL to run the suite against it too.",
  );

/** What both servers share: the build, the database and the secret. */
const SERVER_ENV = {
  NEXT_DIST_DIR: E2E_DIST_DIR,
  DATABASE_URL: E2E_DB_URL,
  AUTH_SECRET: E2E_AUTH_SECRET,
  SESSION_LAB_DEMO: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};

/**
 * One e2e server: what every entry shares. Ten minutes to come up (the first one builds; the
 * others wait for it), their output kept out of the report unless they fail.
 */
function server(entry: { command: string; url: string } & Record<string, unknown>) {
  return {
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    stdout: "ignore",
    stderr: "pipe",
    ...entry,
  } as const;
}

export default defineConfig<StrategyOptions>({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // Generous: a 2-core CI machine runs two browsers, several servers and the builds at once.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium when installed (no browser download needed); otherwise Playwright's own.
      executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
      args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [
    // Turns the server-wide deny-list check on before anything runs in parallel (see the file).
    { name: "setup", testMatch: /setup\/deny-list-on\.setup\.ts/, use: { strategy: "jwt" } },
    {
      name: "database",
      testIgnore: [GLOBAL_SPECS, REFRESH_SPECS, LOCKED_SPECS, WORKSHOP_SPECS],
      dependencies: ["setup"],
      use: { strategy: "database" },
    },
    {
      name: "jwt",
      testIgnore: [GLOBAL_SPECS, REFRESH_SPECS, LOCKED_SPECS, WORKSHOP_SPECS],
      dependencies: ["setup"],
      use: { strategy: "jwt" },
    },
    {
      name: "jwt-refresh",
      testMatch: REFRESH_SPECS,
      dependencies: ["setup"],
      use: { strategy: "jwt-refresh" },
    },
    {
      name: "locked",
      testMatch: LOCKED_SPECS,
      // The browser asks for Database; the locked server must ignore it.
      use: { baseURL: LOCKED_BASE_URL, strategy: "database" },
    },
    {
      // The orders service and the CLI against an app of their own (e2e/support/serve-services.ts).
      // Their specs end in .e2e.ts, so the per-mode projects (*.spec.ts) never pick them up.
      name: "services",
      testMatch: /services\/.*\.e2e\.ts/,
      // Every test starts real processes (CLI runs, app instances): slow on a busy 2-core machine.
      timeout: 120_000,
      use: { baseURL: SVC_APP_URL },
    },
    {
      // Two instances behind the front proxy on PostgreSQL (e2e/cluster/serve.ts); one test at a
      // time, since they move server-wide state (deny-list switch, clock, keys, a store outage).
      name: "cluster",
      testMatch: /e2e\/cluster\/.*\.e2e\.ts/,
      timeout: 120_000,
      fullyParallel: false,
      workers: 1,
      use: { baseURL: CLUSTER_FRONT_URL },
    },
    {
      name: "workshop",
      testMatch: WORKSHOP_SPECS,
      // Whole classroom stories (several browsers each): longer than one flow.
      timeout: 180_000,
      fullyParallel: false,
      workers: 1,
      use: { baseURL: WORKSHOP_BASE_URL },
    },
    // The recipes of docs/testing-with-playwright.md: states saved once per role × strategy, then
    // every page checked with axe, for overflow and for browser errors, at two widths.
    { name: "recipes-setup", testMatch: /recipes\/auth\.setup\.ts/, dependencies: ["setup"] },
    {
      name: "recipes",
      testMatch: RECIPES,
      // Each recipe test walks several pages with axe.
      timeout: 120_000,
      dependencies: ["recipes-setup"],
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: "recipes-narrow",
      testMatch: /recipes\/every-page\.recipe\.ts/,
      dependencies: ["recipes-setup"],
      timeout: 120_000,
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
    {
      // Auth.js's __Secure-/__Host- cookies, Secure flags and HSTS, over a certificate made at start.
      name: "https",
      testMatch: /https\/.*\.e2e\.ts/,
      use: { baseURL: HTTPS_BASE_URL, ignoreHTTPSErrors: true, strategy: "database" },
    },
    ...(WITH_POSTGRES
      ? [
          {
            name: "setup-postgresql",
            testMatch: /setup\/deny-list-on\.setup\.ts/,
            use: { baseURL: POSTGRES_BASE_URL, strategy: "jwt" as const },
          },
          {
            name: "postgresql-database",
            testMatch: STORE_SPECS_DATABASE,
            dependencies: ["setup-postgresql"],
            use: { baseURL: POSTGRES_BASE_URL, strategy: "database" as const },
          },
          {
            name: "postgresql-jwt",
            testMatch: STORE_SPECS_JWT,
            dependencies: ["setup-postgresql"],
            use: { baseURL: POSTGRES_BASE_URL, strategy: "jwt" as const },
          },
        ]
      : []),
    {
      name: "global",
      testMatch: GLOBAL_SPECS,
      // After everything that shares the SQLite database (the https server does).
      dependencies: ["database", "jwt", "jwt-refresh", "locked", "https", "recipes", "recipes-narrow"],
      fullyParallel: false,
      workers: 1,
    },
  ],
  webServer: [
    server({
      // Deletes .data/e2e.db, migrates + seeds it, builds into .next-e2e, serves on 3100.
      command: "npx tsx e2e/support/serve.ts",
      url: `${BASE_URL}/api/auth/providers`,
      env: {
        ...SERVER_ENV,
        PORT: String(E2E_PORT),
        AUTH_SESSION_STRATEGY: "database",
        AUTH_STRATEGY_LOCKED: "0",
      },
    }),
    server({
      // The same build and database, locked to JWT. Waits for the first server; never builds.
      command: "npx tsx e2e/support/serve-locked.ts",
      url: `${LOCKED_BASE_URL}/api/auth/providers`,
      env: {
        ...SERVER_ENV,
        PORT: String(LOCKED_PORT),
        AUTH_SESSION_STRATEGY: "jwt",
        AUTH_STRATEGY_LOCKED: "1",
      },
    }),
    server({
      // The services project's app (3104) and orders service (4104); waits for the first server's build.
      command: "npx tsx e2e/support/serve-services.ts",
      url: `${SVC_APP_URL}/api/auth/providers`,
    }),
    server({
      // The cluster project's front (3510) and instances a, b (3511, 3512) on PostgreSQL; waits for the first server's build.
      command: "npx tsx e2e/cluster/serve.ts",
      url: CLUSTER_FRONT_URL,
    }),
    server({
      // SESSION_LAB_MODE=workshop on the e2e build, with its own database; waits for the first server.
      command: "npx tsx e2e/workshop/serve.ts",
      url: `${WORKSHOP_BASE_URL}/api/auth/providers`,
      env: { ...WORKSHOP_SERVER_ENV, NEXT_DIST_DIR: E2E_DIST_DIR },
    }),
    server({
      // The same build and database over HTTPS (a certificate made at start); waits for the first server.
      command: "npx tsx e2e/support/serve-https.ts",
      url: `${HTTPS_BASE_URL}/api/auth/providers`,
      ignoreHTTPSErrors: true,
      env: { ...SERVER_ENV, AUTH_SESSION_STRATEGY: "database", AUTH_STRATEGY_LOCKED: "0" },
    }),
    ...(WITH_POSTGRES
      ? [
          server({
            // The same build on PostgreSQL (a fresh database each run); waits for the first server.
            command: "npx tsx e2e/support/serve-postgres.ts",
            url: `${POSTGRES_BASE_URL}/api/auth/providers`,
            env: { ...SERVER_ENV, AUTH_SESSION_STRATEGY: "database", AUTH_STRATEGY_LOCKED: "0" },
          }),
        ]
      : []),
  ],
});
