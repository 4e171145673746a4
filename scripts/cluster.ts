/**
 * `npm run cluster [-- --instances N] [--port P]`: the lab on several servers, on one machine.
 *
 *   front  http://localhost:3000  ──round-robin (or the pin cookie)──►  instance a :3001
 *                                                                      instance b :3002 …
 *   every instance ──► one PostgreSQL database (sessions, deny-list, settings), Redis if REDIS_URL
 *
 * Sets up the database (created, migrated, seeded: the same `npm run setup`), builds when the
 * sources changed (like `npm start`), starts the instances, then the front. Ctrl-C stops all of it.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createFront } from "../server/cluster/front";
import {
  type InstanceProcess,
  instanceNames,
  startInstance,
  stopInstance,
  waitUntilReady,
} from "../server/cluster/instances";
import { buildIfStale } from "./build-if-stale";

const root = path.resolve(__dirname, "..");
const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/session_lab_cluster";

function fail(message: string): never {
  console.error(`cluster: ${message}`);
  process.exit(1);
}

function options() {
  const { values } = parseArgs({
    options: {
      instances: { type: "string", default: "2" },
      port: { type: "string", default: process.env.CLUSTER_PORT ?? "3000" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(
      "npm run cluster -- [--instances N (1-8, default 2)] [--port P (front port, default 3000; instances use P+1…P+N)]",
    );
    process.exit(0);
  }
  const instances = Number(values.instances);
  const port = Number(values.port);
  if (!Number.isInteger(instances) || instances < 1 || instances > 8)
    fail(`--instances must be a whole number from 1 to 8 (got "${values.instances}")`);
  if (!Number.isInteger(port) || port < 1 || port + instances > 65535)
    fail(`--port must be a port number (got "${values.port}")`);
  return { instances, port };
}

/** One shared store is the point: a file-based SQLite database would be a different database per machine. */
function databaseUrl(fromShell: string | undefined): string {
  const url = fromShell || DEFAULT_DATABASE_URL;
  if (!/^postgres(ql)?:\/\//.test(url))
    fail(
      `the instances must share one PostgreSQL database, and DATABASE_URL is ${url.split(":")[0]}:… ` +
        "Unset it (default: postgresql://postgres@127.0.0.1:5432/session_lab_cluster) or set a postgresql:// URL.",
    );
  return url;
}

/** A clear sentence when PostgreSQL is not there, before anything else starts. */
async function checkPostgres(url: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] };
    const code = e.code ?? e.errors?.[0]?.code ?? e.message;
    fail(
      `PostgreSQL is not reachable at ${admin.host} (${code}).\n` +
        "  Start it (Debian: pg_ctlcluster $(ls /etc/postgresql) main start), or point DATABASE_URL at one:\n" +
        "  DATABASE_URL=postgresql://user@host:5432/session_lab_cluster npm run cluster",
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, process.env.HOSTNAME || "0.0.0.0", () => resolve());
  });
}

async function main() {
  const { instances: count, port } = options();
  // The shell's DATABASE_URL wins; .env.local's (usually the SQLite file of `npm start`) does not apply.
  const url = databaseUrl(process.env.DATABASE_URL);
  if (existsSync(path.join(root, ".env.local"))) process.loadEnvFile(path.join(root, ".env.local"));
  process.env.DATABASE_URL = url;
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  await checkPostgres(url);

  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const setup = spawnSync(tsx, ["--conditions=react-server", "scripts/setup.ts"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (setup.status !== 0) fail("setup failed (see above).");
  if (existsSync(path.join(root, ".env.local"))) process.loadEnvFile(path.join(root, ".env.local")); // new secrets
  buildIfStale("cluster");

  const names = instanceNames(count);
  const running: InstanceProcess[] = names.map((name, i) =>
    startInstance({ name, port: port + 1 + i, peers: names, env: process.env }),
  );
  let front: Server | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\ncluster: stopping the front and every instance…");
    front?.close();
    front?.closeAllConnections();
    await Promise.all(running.map(stopInstance));
    console.log("cluster: stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  for (const instance of running)
    instance.child.once("exit", (code, signal) => {
      if (stopping) return;
      console.error(
        `cluster: instance ${instance.name} stopped (${signal ?? `exit code ${code}`}); stopping all.`,
      );
      void shutdown(1);
    });

  try {
    await Promise.all(running.map((i) => waitUntilReady(i)));
  } catch (error) {
    console.error(`cluster: ${(error as Error).message}`);
    return shutdown(1);
  }
  front = createFront(running);
  try {
    await listen(front, port);
  } catch (error) {
    console.error(
      `cluster: the front cannot listen on port ${port} (${(error as NodeJS.ErrnoException).code}).`,
    );
    return shutdown(1);
  }
  const store = `PostgreSQL ${new URL(url).pathname.slice(1)} at ${new URL(url).host}`;
  const redis = process.env.REDIS_URL;
  console.log(
    [
      "",
      `Session Lab cluster ready: open http://localhost:${port}`,
      `  front   http://localhost:${port}  round-robin over ${names.join(", ")} (the footer's pin form sends you to one)`,
      ...running.map((i) => `  ${i.name.padEnd(7)} ${i.url}`),
      `  sessions: ${store}`,
      `  deny-list and sign-in counters: ${redis ? `Redis at ${redis}` : "the same database (set REDIS_URL to use Redis)"}`,
      "Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
}

void main();
