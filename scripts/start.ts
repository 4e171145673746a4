/**
 * `npm start`: set up (idempotent), build if the sources changed since the last build, then serve.
 * PORT is respected (default 3000).
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

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// PORT may live in .env.local like everything else; read it before choosing the port.
if (existsSync(path.join(root, ".env.local"))) process.loadEnvFile(path.join(root, ".env.local"));

// Next's anonymous telemetry would phone home; a workshop machine may be offline and should stay quiet.
process.env.NEXT_TELEMETRY_DISABLED = "1";

const tsx = path.join(root, "node_modules", ".bin", "tsx");
const next = path.join(root, "node_modules", ".bin", "next");
run(tsx, ["--conditions=react-server", "scripts/setup.ts"]);
const buildId = path.join(root, ".next", "BUILD_ID");
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (SOURCES.some((s) => newest(path.join(root, s)) > builtAt)) run(next, ["build"]);
else console.log("start: build is up to date");
// The app's own server (not `next start`): it establishes the client's address and protocol
// (server/app-server.ts), which `next start` would take from any header the client sends.
run(tsx, ["server/app-server.ts"]);
