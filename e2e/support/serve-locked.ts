/**
 * The locked e2e server (playwright.config.ts's second webServer): the build the first server made
 * in NEXT_DIST_DIR, served again on PORT with the environment that locks the strategy. It never
 * builds: it waits until the first server answers (so the build and the database are ready and
 * BUILD_ID is the new one, not a stale one from the previous run), then runs `next start`.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BASE_URL, E2E_DIST_DIR, REPO_ROOT } from "./env";

const BUILD_ID = path.join(REPO_ROOT, process.env.NEXT_DIST_DIR ?? E2E_DIST_DIR, "BUILD_ID");
const FIRST_SERVER = `${BASE_URL}/api/auth/providers`;
const WAIT_MS = 10 * 60_000;

async function firstServerIsUp(): Promise<boolean> {
  if (!existsSync(BUILD_ID)) return false;
  try {
    return (await fetch(FIRST_SERVER)).ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await firstServerIsUp())) {
    if (Date.now() > deadline) {
      console.error(`serve-locked: ${FIRST_SERVER} did not come up; nothing to serve.`);
      process.exit(1);
    }
    await sleep(500);
  }
  const server = spawn(
    path.join(REPO_ROOT, "node_modules", ".bin", "next"),
    ["start", "-p", process.env.PORT ?? "3101"],
    { cwd: REPO_ROOT, stdio: "inherit", env: process.env },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

void main();
