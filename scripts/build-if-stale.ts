/**
 * Build the production app when a source changed since the last build (used by `npm start` and
 * `npm run cluster`). The build folder is NEXT_DIST_DIR (next.config.ts reads it), default `.next`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const SOURCES = [
  "app",
  "features",
  "lib",
  "auth.ts",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
  "prisma/schema.prisma",
  "public",
  "server",
];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p)
    .filter((n) => n !== "generated")
    .reduce((m, n) => Math.max(m, newest(path.join(p, n))), s.mtimeMs);
}

/** Has any source changed since the build in `distDir` was made (or is there none)? */
export function buildIsStale(distDir: string): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  return SOURCES.some((s) => newest(path.join(root, s)) > builtAt);
}

/** Runs `next build` if needed; exits the process with next's status when the build fails. */
export function buildIfStale(label: string): void {
  if (!buildIsStale(process.env.NEXT_DIST_DIR || ".next")) {
    console.log(`${label}: build is up to date`);
    return;
  }
  const next = path.join(root, "node_modules", ".bin", "next");
  const r = spawnSync(next, ["build"], { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
