/**
 * `npm start`: set up (idempotent), build if the sources changed since the last build, then serve.
 * PORT is respected (default 3000).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildIfStale } from "./build-if-stale";

const root = path.resolve(__dirname, "..");

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// PORT may live in .env.local like everything else; read it before choosing the port.
if (existsSync(path.join(root, ".env.local"))) process.loadEnvFile(path.join(root, ".env.local"));

// Next's anonymous telemetry would phone home; a workshop machine may be offline and should stay quiet.
process.env.NEXT_TELEMETRY_DISABLED = "1";

const tsx = path.join(root, "node_modules", ".bin", "tsx");
run(tsx, ["--conditions=react-server", "scripts/setup.ts"]);
buildIfStale("start");
// The app's own server (not `next start`): it establishes the client's address and protocol
// (server/app-server.ts), which `next start` would take from any header the client sends.
run(tsx, ["server/app-server.ts"]);
