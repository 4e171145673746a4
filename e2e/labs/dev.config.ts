import { defineConfig } from "@playwright/test";
import config from "../../playwright.config";

/**
 * The labs specs alone against a workshop server you already started (WORKSHOP_PORT), for working
 * on them next to someone running the main suite:
 *   WORKSHOP_PORT=3305 npx playwright test -c e2e/labs/dev.config.ts
 */
export default defineConfig({
  ...config,
  testDir: ".",
  outputDir: "../../test-results/labs",
  reporter: [["list"]],
  projects: (config.projects ?? []).filter((p) => p.name === "workshop"),
  // Fail fast on a missing control rather than waiting for the whole story's timeout.
  use: { ...config.use, actionTimeout: 15_000 },
  webServer: undefined,
});
