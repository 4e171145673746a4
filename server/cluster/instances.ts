/**
 * The cluster's app instances: each one is server/app-server.ts (what `npm start` serves) in its own
 * process, on its own port, with its own name. They share nothing in memory; everything they agree
 * on (sessions, the deny-list, the auth clock, the keys, a simulated store outage) goes through the
 * shared PostgreSQL database, or Redis when REDIS_URL is set.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import type { Instance } from "./front";

const root = path.resolve(__dirname, "..", "..");

/** a, b, c, …: short names for the badge, the pin cookie and the x-session-lab-instance header. */
export function instanceNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => (i < 26 ? String.fromCharCode(97 + i) : `i${i + 1}`));
}

export interface InstanceProcess extends Instance {
  port: number;
  child: ChildProcess;
}

/**
 * Starts one instance. It trusts only the front proxy on this machine for X-Forwarded-*, and knows
 * the names of its peers (SESSION_LAB_CLUSTER), so the pin form can offer them.
 */
export function startInstance(
  o: { name: string; port: number; peers: string[]; env: NodeJS.ProcessEnv },
  output: "prefixed" | "ignore" = "prefixed",
): InstanceProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "server/app-server.ts"], {
    cwd: root,
    stdio: ["ignore", output === "ignore" ? "ignore" : "pipe", "pipe"],
    env: {
      ...o.env,
      NODE_ENV: "production",
      PORT: String(o.port),
      HOSTNAME: "127.0.0.1",
      SESSION_LAB_INSTANCE: o.name,
      SESSION_LAB_CLUSTER: o.peers.join(","),
      AUTH_TRUSTED_PROXIES: "127.0.0.1",
      SESSION_LAB_INTERNAL_URL: `http://127.0.0.1:${o.port}`,
    },
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    const lines = createInterface({ input: stream });
    const write = stream === child.stderr ? console.error : console.log;
    lines.on("line", (line) => write(`[${o.name}] ${line}`));
  }
  return { name: o.name, port: o.port, url: `http://127.0.0.1:${o.port}`, child };
}

/** Waits until the instance answers, or throws if it exits or takes longer than `timeoutMs`. */
export async function waitUntilReady(instance: InstanceProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null)
      throw new Error(`instance ${instance.name} exited with code ${instance.child.exitCode}`);
    try {
      if ((await fetch(`${instance.url}/api/auth/providers`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`instance ${instance.name} did not answer on ${instance.url} within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL after 5 s: a stuck instance must not keep Ctrl-C from finishing. */
export async function stopInstance(instance: InstanceProcess): Promise<void> {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
