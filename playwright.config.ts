import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import type { StrategyOptions } from "./e2e/fixtures";
import { BASE_URL, E2E_AUTH_SECRET, E2E_DB_URL, E2E_DIST_DIR, E2E_PORT } from "./e2e/support/env";

/**
 * Every flow runs twice, once per session strategy: the `strategy` option sets the browser's
 * `auth-strategy` cookie (see e2e/fixtures.ts). Tests that change the whole server (its clock,
 * its keys) go in e2e/global/ and run alone, after both strategy projects.
 */
const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const GLOBAL_SPECS = /global\/.*\.spec\.ts/;

export default defineConfig<StrategyOptions>({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 30_000,
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
    { name: "database", testIgnore: GLOBAL_SPECS, use: { strategy: "database" } },
    { name: "jwt", testIgnore: GLOBAL_SPECS, use: { strategy: "jwt" } },
    {
      name: "global",
      testMatch: GLOBAL_SPECS,
      dependencies: ["database", "jwt"],
      fullyParallel: false,
      workers: 1,
    },
  ],
  webServer: {
    // Deletes .data/e2e.db, migrates + seeds it, builds into .next-e2e, serves on 3100.
    command: "npx tsx e2e/support/serve.ts",
    url: `${BASE_URL}/api/auth/providers`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NEXT_DIST_DIR: E2E_DIST_DIR,
      DATABASE_URL: E2E_DB_URL,
      PORT: String(E2E_PORT),
      AUTH_SECRET: E2E_AUTH_SECRET,
      AUTH_SESSION_STRATEGY: "database",
      AUTH_STRATEGY_LOCKED: "0",
      SESSION_LAB_DEMO: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
