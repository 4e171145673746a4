/**
 * `npm run bench:pairs [-- --cycles 10] [-- --slice 2]`: a two-minute check of one question, "did
 * this change move whoami against the floor?", steadier than one pass of the full bench. Five
 * arms run in turn, `--slice` seconds each, `--cycles` times over, against one production server:
 *
 *   /api/health bare · /api/health with JWT-mode cookies · /api/whoami in JWT mode
 *   · /api/health with database-mode cookies · /api/whoami in database mode
 *
 * Each cycle's arms are seconds apart, so a slow minute of a shared machine hits all five; every
 * ratio is taken within its cycle, and the table gives the median over cycles. Same build, server
 * and database as `npm run bench` (scripts/bench/server.ts), so the two must not run at once.
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../lib/demo-accounts";
import { cannon, type Jar, signIn } from "./http";
import { median, type RowSpec } from "./rows";
import { benchEnv, ensureBuild, setUp, startServer } from "./server";

const PORT = 3200;

function options() {
  const argv = process.argv.slice(2);
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const cycles = value("cycles", 10);
  const slice = value("slice", 2);
  if (!Number.isInteger(cycles) || cycles < 1 || cycles > 50) throw new Error("--cycles takes 1 to 50");
  if (!Number.isInteger(slice) || slice < 1 || slice > 20) throw new Error("--slice takes 1 to 20 seconds");
  return { cycles, slice };
}

interface Arm {
  name: string;
  path: string;
  jar: Jar | null;
  /** The arm this one is divided by, besides the bare floor. */
  against?: string;
}

async function main() {
  const o = options();
  const env = benchEnv(PORT);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  ensureBuild(env, log);
  setUp(env);
  const server = await startServer(env, PORT);
  try {
    const { email } = DEMO_ACCOUNTS[0];
    const jwt = await signIn(server.origin, "jwt", email, DEMO_PASSWORD);
    const database = await signIn(server.origin, "database", email, DEMO_PASSWORD);
    const arms: Arm[] = [
      { name: "health", path: "/api/health", jar: null },
      { name: "health, JWT cookies", path: "/api/health", jar: jwt },
      { name: "whoami, JWT", path: "/api/whoami", jar: jwt, against: "health, JWT cookies" },
      { name: "health, database cookies", path: "/api/health", jar: database },
      { name: "whoami, database", path: "/api/whoami", jar: database, against: "health, database cookies" },
    ];
    const spec = (arm: Arm): RowSpec => ({
      id: arm.name,
      label: arm.name,
      path: arm.path,
      mode: null,
      via: null,
      expectStatus: 200,
    });
    for (const arm of arms)
      await cannon(server.origin, spec(arm), arm.jar, { durationS: 2, connections: 10 });
    const rps = new Map<string, number[]>(arms.map((a) => [a.name, []]));
    const cpu = new Map<string, number[]>(arms.map((a) => [a.name, []]));
    for (let c = 0; c < o.cycles; c++) {
      for (const arm of arms) {
        const before = server.cpuMs() ?? 0;
        const m = await cannon(server.origin, spec(arm), arm.jar, { durationS: o.slice, connections: 10 });
        const after = server.cpuMs() ?? 0;
        if (m.errors) throw new Error(`${arm.name}: ${m.errors} unexpected answers`);
        rps.get(arm.name)?.push(m.rps);
        cpu.get(arm.name)?.push(m.requests ? ((after - before) * 1000) / m.requests : 0);
      }
      log(`cycle ${c + 1}/${o.cycles}`);
    }
    const ratio = (a: string, b: string) => {
      const xs = rps.get(a) ?? [];
      const ys = rps.get(b) ?? [];
      return median(xs.map((x, i) => x / (ys[i] || Number.NaN)));
    };
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    console.log(`\n${o.cycles} cycles of ${o.slice} s per arm, 10 connections; medians over cycles\n`);
    console.log("| arm | req/s | server CPU µs/req | vs health | vs health with the same cookies |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    for (const arm of arms) {
      const same = arm.against ? pct(ratio(arm.name, arm.against)) : "-";
      console.log(
        `| ${arm.name} | ${Math.round(median(rps.get(arm.name) ?? []))} | ${Math.round(median(cpu.get(arm.name) ?? []))} | ${pct(ratio(arm.name, "health"))} | ${same} |`,
      );
    }
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
