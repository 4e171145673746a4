/**
 * The figures in docs/cluster.md, against a running cluster (`npm run cluster`):
 *   1. store reads per request, per mode, on each instance (from /api/whoami's own trace);
 *   2. how long after a database session is revoked on instance a the next request on instance b
 *      is refused (the deny-listed JWT's figure comes from the e2e run: the switch is a server action).
 *
 *   npx tsx scripts/measure-cluster.ts [--a http://127.0.0.1:3001] [--b http://127.0.0.1:3002] [--rounds 20]
 *
 * It signs in as the seeded instructor (demo password) and creates its own user through the admin
 * API. The deny-list check should be off (the default), as for a plain JWT.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    a: { type: "string", default: "http://127.0.0.1:3001" },
    b: { type: "string", default: "http://127.0.0.1:3002" },
    rounds: { type: "string", default: "20" },
  },
});
const A = values.a;
const B = values.b;
const ROUNDS = Math.max(1, Number(values.rounds) || 20);
const PASSWORD = "demo-password";

type Mode = "database" | "jwt" | "jwt-refresh";
interface Whoami {
  status: number;
  instance: string;
  steps: { id: string; store: string | null; ms: number }[];
}

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  if (!res.ok && res.status !== 401 && res.status !== 503)
    throw new Error(`${res.url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function token(app: string, email: string, mode: Mode): Promise<string> {
  const res = await fetch(`${app}/api/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ grant_type: "password", username: email, password: PASSWORD, mode }),
  });
  return (await json<{ access_token: string }>(res)).access_token;
}

async function newUser(admin: string): Promise<string> {
  const email = `measure-${randomBytes(5).toString("hex")}@example.com`;
  const res = await fetch(`${A}/api/admin/users`, {
    method: "POST",
    headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 201) throw new Error(`creating a user: ${res.status} ${await res.text()}`);
  return email;
}

async function whoami(app: string, bearer: string): Promise<Whoami> {
  const res = await fetch(`${app}/api/whoami`, { headers: { authorization: `Bearer ${bearer}` } });
  return { ...(await json<Omit<Whoami, "status">>(res)), status: res.status };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function storeReads(email: string) {
  console.log("\nStore reads per /api/whoami (bearer), from the request's own trace:");
  for (const mode of ["database", "jwt", "jwt-refresh"] as const) {
    const bearer = await token(A, email, mode);
    for (const app of [A, B]) {
      const reads: number[] = [];
      let instance = "?";
      for (let i = 0; i < ROUNDS; i++) {
        const w = await whoami(app, bearer);
        if (w.status !== 200) throw new Error(`${mode} on ${app}: ${w.status}`);
        instance = w.instance;
        reads.push(w.steps.filter((s) => s.store).length);
      }
      console.log(
        `  ${mode.padEnd(12)} instance ${instance}: ${median(reads)} store read(s) per request (max ${Math.max(...reads)})`,
      );
    }
  }
}

async function databaseRevocation(email: string) {
  const timesMs: number[] = [];
  const requests: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const bearer = await token(A, email, "database");
    if ((await whoami(B, bearer)).status !== 200) throw new Error("fresh session refused on b");
    const revoke = await fetch(`${A}/api/token/revoke`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: bearer }),
    });
    if (!revoke.ok) throw new Error(`revoke: ${revoke.status}`);
    const start = performance.now();
    for (let n = 1; n < 200; n++) {
      if ((await whoami(B, bearer)).status === 401) {
        timesMs.push(performance.now() - start);
        requests.push(n);
        break;
      }
    }
  }
  console.log(
    `\nDatabase session revoked on a (POST /api/token/revoke answered) → refused on b: ` +
      `median ${median(timesMs).toFixed(1)} ms, on request #${median(requests)} (max #${Math.max(...requests)}), ${ROUNDS} rounds`,
  );
}

async function main() {
  const admin = await token(A, "instructor@example.com", "database");
  const email = await newUser(admin);
  await storeReads(email);
  await databaseRevocation(email);
}

main().catch((error) => {
  console.error(`measure-cluster: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
