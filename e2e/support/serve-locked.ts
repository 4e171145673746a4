/**
 * The locked e2e server (playwright.config.ts's second webServer): the build the first server made
 * in NEXT_DIST_DIR, served again on PORT with the environment that locks the strategy. It never
 * builds: it waits until the first server answers (so the build and the database are ready and
 * BUILD_ID is the new one, not a stale one from the previous run), then runs `next start`.
 */

import { spawn } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "./env";
import { mirror, waitForFirstServer } from "./first-server";

async function main(): Promise<void> {
  await waitForFirstServer("serve-locked");
  const server = spawn(
    path.join(REPO_ROOT, "node_modules", ".bin", "next"),
    ["start", "-p", process.env.PORT ?? "3101"],
    { cwd: REPO_ROOT, stdio: "inherit", env: process.env },
  );
  mirror(server);
}

void main();
