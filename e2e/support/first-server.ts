import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BASE_URL, E2E_DIST_DIR, REPO_ROOT } from "./env";

const BUILD_ID = path.join(REPO_ROOT, process.env.NEXT_DIST_DIR ?? E2E_DIST_DIR, "BUILD_ID");
/** The server whose start means "build and database ready" (moved along when its port is). */
const FIRST_SERVER = `${process.env.E2E_FIRST_SERVER_URL || BASE_URL}/api/auth/providers`;

async function firstServerIsUp(): Promise<boolean> {
  if (!existsSync(BUILD_ID)) return false;
  try {
    return (await fetch(FIRST_SERVER)).ok;
  } catch {
    return false;
  }
}

/**
 * The extra e2e servers never build: each waits until the first server answers (so the build and
 * the database are ready, and BUILD_ID is this run's, not a stale one), then serves that build.
 * Exits the process with a sentence when it never comes up.
 */
export async function waitForFirstServer(who: string, timeoutMs = 10 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await firstServerIsUp())) {
    if (Date.now() > deadline) {
      console.error(`${who}: ${FIRST_SERVER} did not come up; nothing to serve.`);
      process.exit(1);
    }
    await sleep(500);
  }
}

/** Runs a child as this process: signals go to it, and its exit is ours. */
export function mirror(child: import("node:child_process").ChildProcess): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}
