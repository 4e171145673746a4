/**
 * What does the orders service pay to believe a caller? Signs in over the token endpoint, then
 * calls GET /orders N times each way, interleaved (a signed access token: JWKS; the session id:
 * introspection), after a warm-up. Prints the medians of what the service reports (verification
 * only) and of the round trip measured here. Reproduces the figures in docs/beyond-one-server.md:
 *
 *   npx tsx scripts/measure-verification.ts --url http://127.0.0.1:3000 --service http://127.0.0.1:4000
 *
 * Options: --email/--password (default the demo account alice@example.com), --rounds (default 50).
 */
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    service: { type: "string", default: "http://127.0.0.1:4000" },
    email: { type: "string", default: "alice@example.com" },
    password: { type: "string", default: "demo-password" },
    rounds: { type: "string", default: "50" },
  },
});
const rounds = Math.max(5, Number(values.rounds) || 50);

async function json(url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const res = await fetch(url, init);
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function main() {
  const session = await json(`${values.url}/api/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      grant_type: "password",
      username: values.email,
      password: values.password,
      mode: "database",
    }),
  });
  const sessionId = String(session.access_token);
  const samples = {
    jwks: { service: [] as number[], trip: [] as number[] },
    introspection: { service: [] as number[], trip: [] as number[] },
  };
  let jws = "";
  let jwsExp = 0;
  for (let i = -5; i < rounds; i++) {
    // A fresh access token before the last one runs out (it lives SERVICE_TOKEN_TTL).
    if (Date.now() / 1000 > jwsExp - 10) {
      const minted = await json(`${values.url}/api/token/access`, {
        method: "POST",
        headers: { authorization: `Bearer ${sessionId}` },
      });
      jws = String(minted.access_token);
      jwsExp = Date.now() / 1000 + Number(minted.expires_in);
    }
    for (const [method, token] of [
      ["jwks", jws],
      ["introspection", sessionId],
    ] as const) {
      const start = performance.now();
      const body = await json(`${values.service}/orders`, { headers: { authorization: `Bearer ${token}` } });
      const trip = performance.now() - start;
      const v = body.verification as { ms: number; contacted: string[] };
      // Warm-up rounds, and JWKS calls that had to fetch keys, are not what this measures.
      if (i < 0 || (method === "jwks" && v.contacted.length)) continue;
      samples[method].service.push(v.ms);
      samples[method].trip.push(trip);
    }
  }
  await fetch(`${values.url}/api/token/revoke`, {
    method: "POST",
    body: new URLSearchParams({ token: sessionId }),
  });
  for (const [method, s] of Object.entries(samples))
    console.log(
      `${method.padEnd(13)} verification median ${median(s.service).toFixed(3)} ms, round trip median ${median(s.trip).toFixed(2)} ms (${s.service.length} calls)`,
    );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
