/**
 * The e2e web server (playwright.config.ts runs this with the e2e env):
 *   1. a clean database: delete `.data/e2e.db`, then `npm run setup` migrates and seeds it;
 *   2. `next build` into NEXT_DIST_DIR (`.next-e2e`), never the demo's `.next`;
 *   3. `next start` on PORT.
 * Building into another folder makes Next add that folder to tsconfig.json's `include` and point
 * next-env.d.ts at it; both files are put back afterwards, so a test run leaves the tree as it was.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { E2E_DB_FILE, REPO_ROOT } from "./env";

const bin = (name: string) => path.join(REPO_ROOT, "node_modules", ".bin", name);

function run(cmd: string, args: string[]): number {
  return spawnSync(cmd, args, { cwd: REPO_ROOT, stdio: "inherit", env: process.env }).status ?? 1;
}

function withFilesRestored(files: string[], fn: () => number): number {
  const saved = files
    .map((f) => path.join(REPO_ROOT, f))
    .filter((f) => existsSync(f))
    .map((f) => ({ f, text: readFileSync(f, "utf8") }));
  try {
    return fn();
  } finally {
    for (const { f, text } of saved) if (readFileSync(f, "utf8") !== text) writeFileSync(f, text);
  }
}

for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${E2E_DB_FILE}${suffix}`, { force: true });
const failed =
  run("npm", ["run", "setup"]) ||
  withFilesRestored(["tsconfig.json", "next-env.d.ts"], () => run(bin("next"), ["build"]));
if (failed) process.exit(failed);

const server = spawn(bin("next"), ["start", "-p", process.env.PORT ?? "3100"], {
  cwd: REPO_ROOT,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
