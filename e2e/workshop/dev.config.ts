import { defineConfig } from "@playwright/test";
import config from "../../playwright.config";
import { WORKSHOP_BASE_URL, WORKSHOP_SERVER_ENV } from "./env";

/**
 * The workshop specs alone, on a build of their own, without the other e2e servers (ports
 * 3100-3103, `.next-e2e`), for working on the workshop next to someone running the main suite:
 *   WORKSHOP_PORT=3705 npx playwright test -c e2e/workshop/dev.config.ts
 * It builds into `.next-room` (NEXT_DIST_DIR to change that) and uses `.data/room-dev.db`.
 */
const ROOM_DB_URL = process.env.WORKSHOP_DB_URL ?? "file:./.data/room-dev.db";

export default defineConfig({
  ...config,
  testDir: ".",
  outputDir: "../../test-results/workshop",
  reporter: [["list"]],
  projects: (config.projects ?? []).filter((p) => p.name === "workshop"),
  webServer: {
    command: "npx tsx e2e/workshop/serve.ts",
    cwd: "../..",
    url: `${WORKSHOP_BASE_URL}/api/auth/providers`,
    reuseExistingServer: true,
    timeout: 600_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ...WORKSHOP_SERVER_ENV,
      DATABASE_URL: ROOM_DB_URL,
      // serve.ts deletes WORKSHOP_DB_URL's file before setup: this one, not the main config's.
      WORKSHOP_DB_URL: ROOM_DB_URL,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-room",
      WORKSHOP_BUILD: "1",
    },
  },
});
