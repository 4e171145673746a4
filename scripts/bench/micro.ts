/**
 * The in-process half of the bench (run by index.ts as a child: `tsx --conditions=react-server`,
 * with DATABASE_URL pointing at a throwaway database). It measures through the app's own modules:
 *  - SessionStore.find (lib/store) with 1k, 10k, 100k sessions in the table;
 *  - the app's JWT decode (lib/auth/jwt-codec.ts), and jose's raw decrypt for both encodings;
 *  - the size of the session JWT as claims grow, and when Auth.js's chunking starts.
 * Prints one JSON object on stdout; progress goes to stderr.
 */
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { Bench } from "tinybench";
import { migrate } from "../../lib/db/migrate";
import { ensurePgDatabase, pgMigrationDriver } from "../../lib/db/pg-driver";
import { sqliteMigrationDriver } from "../../lib/db/sqlite-driver";
import type { DecodeResult, JwtGrowth, LookupResult } from "./rows";

const root = path.resolve(__dirname, "..", "..");
const args = new Map(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith("--") ? [[a.slice(2), all[i + 1] ?? ""]] : [])),
);
const engine = args.get("engine") === "postgresql" ? "postgresql" : "sqlite";
const sizes = (args.get("sizes") ?? "1000,10000,100000").split(",").map(Number);
const timeMs = Number(args.get("time") ?? 1000);
const url = process.env.DATABASE_URL ?? "";
const USER_ID = "bench-user";
const log = (line: string) => process.stderr.write(`  ${line}\n`);

async function prepare(): Promise<void> {
  if (engine === "sqlite") {
    const db = new Database(path.resolve(root, url.slice("file:".length)));
    db.pragma("journal_mode = WAL");
    await migrate(sqliteMigrationDriver(db), path.join(root, "prisma", "migrations"));
    db.close();
    return;
  }
  const connect = async (u: string) => {
    const c = new pg.Client({ connectionString: u, connectionTimeoutMillis: 3000 });
    await c.connect();
    return c;
  };
  await ensurePgDatabase(url, connect);
  const client = await connect(url);
  const driver = pgMigrationDriver(client);
  try {
    await driver.lock();
    await migrate(driver, path.join(root, "prisma", "postgresql", "migrations"));
  } finally {
    await driver.unlock().catch(() => {});
    await client.end();
  }
}

/** Fill the table with sessions up to `n` (raw SQL: 100k rows through Prisma would take minutes). */
function filler() {
  const { sha256 } = require("../../lib/auth/tokens") as typeof import("../../lib/auth/tokens");
  const hashes: string[] = [];
  const far = Date.now() + 7 * 86400_000;
  if (engine === "sqlite") {
    const db = new Database(path.resolve(root, url.slice("file:".length)));
    db.pragma("journal_mode = WAL");
    const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
    db.prepare(`DELETE FROM "Session" WHERE "userId" = ?`).run(USER_ID);
    db.prepare(`DELETE FROM "User" WHERE "id" = ?`).run(USER_ID);
    db.prepare(`INSERT INTO "User" ("id", "email", "name", "role") VALUES (?, ?, ?, 'user')`).run(
      USER_ID,
      "bench@example.com",
      "Bench",
    );
    const insert = db.prepare(
      `INSERT INTO "Session" ("sessionToken", "userId", "expires", "authTime", "createdAt", "lastSeenAt", "persistent") VALUES (?, ?, ?, ?, ?, ?, 1)`,
    );
    const now = iso(Date.now());
    const grow = db.transaction((to: number) => {
      for (let i = hashes.length; i < to; i++) {
        const h = sha256(`bench-session-${i}`);
        insert.run(h, USER_ID, iso(far), now, now, now);
        hashes.push(h);
      }
    });
    return { hashes, grow: async (to: number) => grow(to), close: async () => db.close() };
  }
  const client = new pg.Client({ connectionString: url });
  const ready = (async () => {
    await client.connect();
    await client.query(`DELETE FROM "Session" WHERE "userId" = $1`, [USER_ID]);
    await client.query(`DELETE FROM "User" WHERE "id" = $1`, [USER_ID]);
    await client.query(`INSERT INTO "User" ("id", "email", "name", "role") VALUES ($1, $2, $3, 'user')`, [
      USER_ID,
      "bench@example.com",
      "Bench",
    ]);
  })();
  return {
    hashes,
    async grow(to: number) {
      await ready;
      while (hashes.length < to) {
        const batch: string[] = [];
        for (let i = hashes.length; i < Math.min(to, hashes.length + 10_000); i++)
          batch.push(sha256(`bench-session-${i}`));
        await client.query(
          `INSERT INTO "Session" ("sessionToken", "userId", "expires", "authTime", "createdAt", "lastSeenAt", "persistent")
           SELECT t, $2, $3, now(), now(), now(), true FROM unnest($1::text[]) t`,
          [batch, USER_ID, new Date(far).toISOString()],
        );
        hashes.push(...batch);
      }
      await client.query(`ANALYZE "Session"`);
    },
    close: () => client.end(),
  };
}

const us = (ms: number) => ms * 1000;

async function measure(name: string, fn: () => Promise<unknown> | unknown) {
  const bench = new Bench({ time: timeMs, warmup: true } as ConstructorParameters<typeof Bench>[0]);
  bench.add(name, fn);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (!result || !("latency" in result)) throw new Error(`${name}: no result (${result?.state})`);
  return { meanUs: us(result.latency.mean), p99Us: us(result.latency.p99) };
}

async function lookups(): Promise<LookupResult[]> {
  const { stores } = await import("../../lib/store");
  const { sessions } = stores();
  const fill = filler();
  const out: LookupResult[] = [];
  try {
    for (const n of sizes) {
      await fill.grow(n);
      let i = 0;
      const pick = () => {
        i = (i * 7919 + 104_729) % fill.hashes.length; // a spread of rows, not one hot page
        return fill.hashes[i] ?? "";
      };
      const found = await sessions.find(pick());
      if (!found) throw new Error("the benchmark's own session was not found");
      const m = await measure(`find ${n}`, () => sessions.find(pick()));
      out.push({ engine, sessions: n, ...m });
      log(`lookup ${engine} ${n.toLocaleString("en")} sessions: ${m.meanUs.toFixed(1)} µs`);
    }
  } finally {
    await fill.close();
  }
  return out;
}

async function decoding(): Promise<{ decode: DecodeResult[]; jwtGrowth: JwtGrowth[]; chunkSize: number }> {
  const { compactDecrypt, EncryptJWT } = await import("jose");
  const { decodeSessionJwt, encodeSessionJwt } = await import("../../lib/auth/jwt-codec");
  const { deriveKey } = await import("../../lib/auth/keyring");
  const { CHUNK_SIZE } = await import("../../lib/auth/session-cookie");
  const { atFixedTime, nowSeconds } = await import("../../lib/clock");
  const salt = "authjs.session-token";
  const at = nowSeconds();
  const claims = {
    sub: USER_ID,
    email: "bench@example.com",
    name: "Bench",
    role: "user",
    sid: "bench-sid-0123456789",
    mode: "jwt" as const,
    authTime: at,
  };
  const token = await encodeSessionJwt(claims, salt, at);
  const check = await decodeSessionJwt(token, salt, "jwt", at);
  if (!check.ok) throw new Error(`the bench's own JWT did not decode: ${check.reason}`);
  const decode: DecodeResult[] = [];
  const app = await measure("decode", () => atFixedTime(() => decodeSessionJwt(token, salt, "jwt", at)));
  decode.push({ id: "decode:app", label: "decodeSessionJwt (A256GCM, key cached, claims checked)", ...app });
  log(`JWT decode (app): ${app.meanUs.toFixed(1)} µs`);
  for (const enc of ["A256GCM", "A256CBC-HS512"] as const) {
    const key = deriveKey(process.env.AUTH_SECRET ?? "", salt, enc);
    const jwe = await new EncryptJWT({ ...claims }).setProtectedHeader({ alg: "dir", enc }).encrypt(key);
    const raw = await measure(enc, () => compactDecrypt(jwe, key));
    decode.push({ id: `decrypt:${enc}`, label: `jose compactDecrypt only, ${enc}`, ...raw });
    log(`jose decrypt ${enc}: ${raw.meanUs.toFixed(1)} µs`);
  }
  const perDecode = await measure("hkdf", () => deriveKey(process.env.AUTH_SECRET ?? "", salt, "A256GCM"));
  decode.push({ id: "hkdf", label: "HKDF key derivation (what a per-call decode pays again)", ...perDecode });

  // Claims grow (roles, groups, a picture URL…): the cookie crosses Auth.js's chunk size.
  const jwtGrowth: JwtGrowth[] = [];
  for (const extra of [0, 500, 1000, 2000, 3000, 4000, 6000, 8000]) {
    const jwt = await encodeSessionJwt({ ...claims, groups: "g".repeat(extra) } as typeof claims, salt, at);
    jwtGrowth.push({
      extraClaimBytes: extra,
      jwtBytes: jwt.length,
      chunks: Math.ceil(jwt.length / CHUNK_SIZE),
    });
  }
  return { decode, jwtGrowth, chunkSize: CHUNK_SIZE };
}

async function main() {
  await prepare();
  const out: Record<string, unknown> = { lookups: await lookups() };
  if (args.has("decode")) Object.assign(out, await decoding());
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
