/**
 * `npm run bench [-- --duration 5] [-- --smoke]`: build if needed, start the production server on
 * port 3200 with its own database, and measure what a session costs, mode by mode (see
 * docs/performance.md). Progress goes to stderr, the table to stdout, the figures to
 * bench/results/latest.json (the Benchmarks page reads that file).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../lib/demo-accounts";
import { report } from "./format";
import { cannon, cookieHeader, costSplit, type Jar, signIn } from "./http";
import {
  type BenchResults,
  type CookieSize,
  evaluateTargets,
  type HttpResult,
  type Mode,
  median,
  medianOfRounds,
  type RowSpec,
  rowSpecs,
  withRatios,
} from "./rows";
import { BENCH_ENV, benchEnv, ensureBuild, ROOT, type Server, setUp, startServer } from "./server";

const PORT = 3200;
const PG_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/session_lab_bench";
const OUT = path.join(ROOT, "bench", "results", "latest.json");

function options() {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const smoke = argv.includes("--smoke");
  const durationS = Number(value("duration") ?? (smoke ? 1 : 2));
  if (!Number.isInteger(durationS) || durationS < 1 || durationS > 25)
    throw new Error("--duration takes whole seconds from 1 to 25 (the cookie cache lives 30 s)");
  // Many short rounds rather than a few long ones: this machine's speed drifts from minute to
  // minute (single paired 2 s runs of JWT whoami ranged from 68 % to 89 % of the floor in one
  // run here), and a median moves less the more pairs it is taken over.
  const rounds = Number(value("rounds") ?? (smoke ? 1 : 7));
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 15) throw new Error("--rounds takes 1 to 15");
  return {
    smoke,
    durationS,
    rounds,
    connections: 10,
    warmupS: smoke ? 1 : 2,
    sizes: smoke ? [100, 1000] : [1000, 10_000, 100_000],
    samples: smoke ? 10 : 100,
    microMs: smoke ? 200 : 1000,
    out: value("out") ?? (smoke ? path.join(ROOT, "bench", "results", "smoke.json") : OUT),
  };
}

const progress = (line: string) => process.stderr.write(`${line}\n`);

async function httpRows(server: Server, o: ReturnType<typeof options>) {
  const specs = rowSpecs();
  const health = specs[0] as RowSpec;
  const rounds: HttpResult[][] = [];
  const costs = [];
  const cookies: CookieSize[] = [];
  // A warm-up pass over every row first: a fresh server compiles each route on first use, and
  // its JIT keeps speeding up for several seconds; the first measured round should not pay for it.
  for (const row of specs) {
    const jar = row.mode ? await jarFor(server.origin, row) : null;
    await cannon(server.origin, row, jar, { durationS: o.warmupS, connections: o.connections });
  }
  progress(`bench: warmed up (${specs.length} rows × ${o.warmupS} s)`);
  for (let round = 0; round < o.rounds; round++) {
    const raw: Parameters<typeof withRatios>[0] = [];
    const floors: number[] = [];
    for (const [i, row] of specs.entries()) {
      // Signed in right before its row: a refresh-mode access token lives 60 s, the cookie cache 30 s.
      const jar: Jar | null = row.mode ? await jarFor(server.origin, row) : null;
      if (round === 0 && jar && row.mode && row.via === "app" && !row.padTo)
        cookies.push(cookieSizes(row.mode, jar));
      const run = { durationS: o.durationS, connections: o.connections };
      // Paired: the floor again right before each row, so both see the same moment of a shared machine.
      const floor = row.id === "health" ? null : await cannon(server.origin, health, null, run);
      if (floor) floors.push(floor.rps);
      // The floor again, carrying this row's cookies: the bytes cost framework work of their own.
      const cookieFloor = jar ? await cannon(server.origin, health, jar, run) : null;
      const cpuBefore = server.cpuMs();
      const m = await cannon(server.origin, row, jar, run);
      const cpuAfter = server.cpuMs();
      const cpuUs =
        cpuBefore !== null && cpuAfter !== null && m.requests > 0
          ? ((cpuAfter - cpuBefore) * 1000) / m.requests
          : null;
      raw.push({
        id: row.id,
        label: row.label,
        mode: row.mode,
        via: row.via,
        ...m,
        cpuUs,
        floorRps: floor?.rps,
        cookieFloorRps: cookieFloor?.rps,
      });
      if (round === 0 && row.via) costs.push(await costSplit(server.origin, row, jar, o.samples));
      progress(
        `[round ${round + 1}/${o.rounds}, ${i + 1}/${specs.length}] ${row.label.padEnd(36)} ${Math.round(m.rps).toString().padStart(6)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms${m.errors ? `  ${m.errors} unexpected answers` : ""}`,
      );
    }
    // The floor's own figure: the median of all its runs in this round.
    const own = raw.find((r) => r.id === "health");
    if (own) own.rps = median([own.rps, ...floors]);
    rounds.push(withRatios(raw));
  }
  return { http: medianOfRounds(rounds), costs, cookies };
}

/** Signed in in the row's mode; with `padTo`, a dummy cookie makes the header as long as that mode's. */
async function jarFor(origin: string, row: RowSpec): Promise<Jar> {
  const { email } = DEMO_ACCOUNTS[0];
  const jar = await signIn(origin, row.mode ?? "database", email, DEMO_PASSWORD);
  if (!row.padTo) return jar;
  const like = await signIn(origin, row.padTo, email, DEMO_PASSWORD);
  const missing = cookieHeader(like).length - cookieHeader(jar).length - "; lab-padding=".length;
  if (missing > 0) jar.set("lab-padding", "x".repeat(missing));
  return jar;
}

/** What the browser carries for the session after signing in (not Auth.js's CSRF or callback cookies). */
function cookieSizes(mode: Mode, jar: Jar): CookieSize {
  const sized = [...jar]
    .filter(([name]) => name !== "auth-strategy" && !name.includes("csrf") && !name.includes("callback-url"))
    .map(([name, value]) => ({ name, bytes: name.length + 1 + value.length }));
  return { mode, cookies: sized, total: sized.reduce((s, c) => s + c.bytes, 0) };
}

async function postgresAnswers(url: string): Promise<boolean> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

function micro(engine: "sqlite" | "postgresql", url: string, o: ReturnType<typeof options>, decode: boolean) {
  progress(`micro: ${engine}${decode ? " + JWT decode" : ""} (tinybench)`);
  const args = [
    "--conditions=react-server",
    "scripts/bench/micro.ts",
    "--engine",
    engine,
    "--sizes",
    o.sizes.join(","),
    "--time",
    String(o.microMs),
  ];
  if (decode) args.push("--decode", "1");
  const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), args, {
    cwd: ROOT,
    env: { ...process.env, ...BENCH_ENV, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 10_000_000,
  });
  if (r.status !== 0) throw new Error(`micro benchmark on ${engine} failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}");
}

async function main() {
  const o = options();
  const env = benchEnv(PORT);
  try {
    const busy = await fetch(`http://127.0.0.1:${PORT}/api/health`);
    throw new Error(`port ${PORT} is already serving (status ${busy.status}): stop that server first`);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("port")) throw error;
  }
  ensureBuild(env, (s) => progress(`bench: ${s}`));
  setUp(env);
  progress(`bench: starting the production server on port ${PORT}`);
  const server = await startServer(env, PORT);
  let http: Awaited<ReturnType<typeof httpRows>>;
  let peakRssMb: number | null;
  try {
    http = await httpRows(server, o);
    peakRssMb = server.peakRssMb();
  } finally {
    await server.stop();
  }
  const sqlite = micro("sqlite", "file:./.data/bench-lookup.db", o, true);
  const lookups = [...sqlite.lookups];
  const lookupNotes: string[] = [];
  if (await postgresAnswers(PG_URL)) lookups.push(...micro("postgresql", PG_URL, o, false).lookups);
  else {
    const note = `PostgreSQL lookups skipped: no server answers at ${new URL(PG_URL).host} (set BENCH_POSTGRES_URL).`;
    lookupNotes.push(note);
    progress(note);
  }
  const partial = { http: http.http, decode: sqlite.decode, lookups };
  const results: BenchResults = {
    version: 1,
    when: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
    },
    settings: {
      durationS: o.durationS,
      rounds: o.rounds,
      connections: o.connections,
      smoke: o.smoke,
      sizes: o.sizes,
    },
    http: http.http,
    costs: http.costs,
    lookups,
    lookupNotes,
    decode: sqlite.decode,
    cookies: http.cookies,
    jwtGrowth: sqlite.jwtGrowth,
    chunkSize: sqlite.chunkSize,
    peakRssMb,
    targets: evaluateTargets(partial),
  };
  mkdirSync(path.dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${report(results)}\n\nWritten to ${path.relative(ROOT, o.out)}\n`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(`bench: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
