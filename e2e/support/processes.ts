/**
 * Starting and stopping the real programs the services tests need: an app instance (`next start`
 * on the e2e build), the orders service and the CLI, each a child process with its own
 * environment, exactly as a person would run them.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { E2E_AUTH_SECRET, E2E_DB_URL, E2E_DIST_DIR, REPO_ROOT } from "./env";

const bin = (name: string) => path.join(REPO_ROOT, "node_modules", ".bin", name);

/** What every app instance of the e2e suite shares: the build, the database, the secret. */
const SHARED_APP_ENV = {
  NEXT_DIST_DIR: E2E_DIST_DIR,
  DATABASE_URL: E2E_DB_URL,
  AUTH_SECRET: E2E_AUTH_SECRET,
  SESSION_LAB_DEMO: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};

export function startApp(port: number, env: Record<string, string>): ChildProcess {
  return spawn(bin("next"), ["start", "-p", String(port)], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...SHARED_APP_ENV, ...env, PORT: String(port) },
  });
}

/** In-process tsx (node --import tsx): the child is the service itself, so stopping it stops it. */
export function startService(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "server/orders-service.ts"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env },
  });
}

export async function waitUntilUp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(5000).then(() => child.kill("SIGKILL"))]);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run cli -- …` without npm: node with tsx, no terminal (so nothing is ever asked). */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "cli/session-lab.ts", ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 99) : 0;
        resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() });
      },
    );
  });
}
