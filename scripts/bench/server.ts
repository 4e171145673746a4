/**
 * Build (when stale), set up and start the production server the bench drives: its own dist
 * directory (.next-bench), its own SQLite database, a fixed secret, so a bench run never touches
 * the database or build of `npm start` in the same checkout.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildIsStale } from "../build-if-stale";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST_DIR = ".next-bench";

/** Fixed, public and only for the bench's throwaway database. */
export const BENCH_ENV = {
  NEXT_DIST_DIR: DIST_DIR,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: "file:./.data/bench.db",
  AUTH_SECRET: "session-lab-bench-secret-not-for-production-0123456789",
  SERVICE_CLIENT_SECRET: "session-lab-bench-service-secret-0123456789",
  SESSION_LAB_MODE: "demo",
  SESSION_LAB_INSTANCE: "bench",
  AUTH_STRATEGY_LOCKED: "0",
  AUTH_TRUSTED_PROXIES: "",
  HOSTNAME: "127.0.0.1",
};

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, what: string): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status})`);
}

const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

export function benchEnv(port: number): NodeJS.ProcessEnv {
  return { ...process.env, ...BENCH_ENV, PORT: String(port) };
}

export function ensureBuild(env: NodeJS.ProcessEnv, log: (s: string) => void): void {
  if (!buildIsStale(DIST_DIR)) {
    log("build is up to date");
    return;
  }
  log(`building into ${DIST_DIR} (takes a minute or two)…`);
  run(bin("next"), ["build"], env, "next build");
}

export function setUp(env: NodeJS.ProcessEnv): void {
  run(bin("tsx"), ["--conditions=react-server", "scripts/setup.ts"], env, "setup (migrate + seed)");
}

export interface Server {
  pid: number;
  origin: string;
  stop(): Promise<void>;
  /** Peak resident memory of the server process so far (VmHWM), in MB; null off Linux. */
  peakRssMb(): number | null;
  /** CPU time (user + system) the server process has used so far, in ms; null off Linux. */
  cpuMs(): number | null;
}

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ): 100 on every mainstream kernel. */
const USER_HZ = 100;

/** `node --import tsx server/app-server.ts` directly, so the pid is the server itself (not a wrapper). */
export async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/app-server.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr = (stderr + String(d)).slice(-4000);
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${stderr}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the server did not answer on ${origin} within 60 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid ?? 0;
  return {
    pid,
    origin,
    peakRssMb() {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        return m?.[1] ? Number(m[1]) / 1024 : null;
      } catch {
        return null;
      }
    },
    cpuMs() {
      try {
        // Fields after the ")" that ends the command name: utime and stime are the 12th and 13th.
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
        const ticks = Number(fields[11]) + Number(fields[12]);
        return Number.isFinite(ticks) ? (ticks * 1000) / USER_HZ : null;
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
