/**
 * The HTTP half of the bench: sign in through the real Auth.js credentials flow, drive a route
 * with autocannon, and read the app's own trace (Server-Timing) for the cost split.
 */
import autocannon from "autocannon";
import type { CostSplit, Mode, RowSpec } from "./rows";

export type Jar = Map<string, string>;

export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

function absorb(jar: Jar, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (!value || /Max-Age=0\b/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

/** GET /api/auth/csrf, then POST the credentials form with the same cookies, as a browser does. */
export async function signIn(origin: string, mode: Mode, email: string, password: string): Promise<Jar> {
  const jar: Jar = new Map([["auth-strategy", mode]]);
  const csrf = await fetch(`${origin}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } });
  absorb(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookieHeader(jar), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  absorb(jar, res);
  if (!jar.has("authjs.session-token") && !jar.has("authjs.session-token.0"))
    throw new Error(`signing in (${mode}) set no session cookie (status ${res.status})`);
  // The cookie cache is written when a page is read with a cache miss (lib/auth/strategies/cookie-cache.ts).
  if (mode === "cookie-cache")
    absorb(jar, await fetch(`${origin}/`, { headers: { cookie: cookieHeader(jar) } }));
  const check = await fetch(`${origin}/api/whoami`, { headers: { cookie: cookieHeader(jar) } });
  if (check.status !== 200)
    throw new Error(`after signing in (${mode}), /api/whoami answered ${check.status}`);
  return jar;
}

export interface Cannon {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

export async function cannon(
  origin: string,
  row: RowSpec,
  jar: Jar | null,
  o: { durationS: number; connections: number },
): Promise<Cannon> {
  const result = await autocannon({
    url: `${origin}${row.path}`,
    connections: o.connections,
    duration: o.durationS,
    headers: jar ? { cookie: cookieHeader(jar) } : {},
  });
  const expected = result.statusCodeStats?.[`${row.expectStatus}`]?.count ?? 0;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.requests.total - expected + result.errors + result.timeouts,
  };
}

/** Mean of the app's own trace over `samples` sequential requests (no load: the request's own cost). */
export async function costSplit(
  origin: string,
  row: RowSpec,
  jar: Jar | null,
  samples: number,
): Promise<CostSplit> {
  const sum = { key: 0, crypto: 0, store: 0, check: 0, total: 0 };
  for (let i = 0; i < samples; i++) {
    const res = await fetch(`${origin}${row.path}`, { headers: jar ? { cookie: cookieHeader(jar) } : {} });
    await res.arrayBuffer();
    for (const part of (res.headers.get("server-timing") ?? "").split(",")) {
      const m = /^\s*([a-z]+);dur=([\d.]+)/.exec(part);
      if (m?.[1] && m[1] in sum) sum[m[1] as keyof typeof sum] += Number(m[2]);
    }
  }
  const mean = (x: number) => x / samples;
  const inherent = sum.key + sum.crypto + sum.store + sum.check;
  return {
    id: row.id,
    samples,
    key: mean(sum.key),
    crypto: mean(sum.crypto),
    store: mean(sum.store),
    check: mean(sum.check),
    framework: mean(Math.max(0, sum.total - inherent)),
    total: mean(sum.total),
  };
}
