import "server-only";
import { COOKIES } from "@/lib/auth/cookies";
import { readSession } from "@/lib/auth/read";
import { collectingCookies } from "@/lib/auth/response-cookies";
import { type RequestScope, scopeFrom } from "@/lib/auth/scope";
import { STRATEGY_MODULES } from "@/lib/auth/strategies";
import { STRATEGIES, type Strategy } from "@/lib/auth/strategy";
import { atFixedTime } from "@/lib/clock";
import { db } from "@/lib/db/client";

/**
 * Measured, not quoted: a real session made in each mode through its own module (the same
 * signIn and encode Auth.js calls), for one bench account that is nobody's, then the app's read
 * path timed on it. Remade at most every 45 s (the refresh mode's access token lives a minute).
 */
export const BENCH_EMAIL = "compare-bench@measure.session-lab.invalid";
const REMAKE_MS = 45_000;
const ROUNDS = 15;

export interface ModeMeasure {
  mode: Strategy;
  /** Bytes of each cookie the browser sends for this session (name=value). */
  cookies: { name: string; bytes: number }[];
  totalBytes: number;
  /** Median and spread of the read path (readSession) over ROUNDS calls, in ms. */
  readMs: { median: number; min: number; max: number; rounds: number };
  signedIn: boolean;
}

let bench: { at: number; scopes: Map<Strategy, RequestScope> } | null = null;

async function benchUser() {
  return db.user.upsert({
    where: { email: BENCH_EMAIL },
    create: { email: BENCH_EMAIL, name: "Compare bench (measurements)", role: "user" },
    update: {},
    select: { id: true, email: true, name: true, role: true },
  });
}

async function sessionIn(mode: Strategy, user: Awaited<ReturnType<typeof benchUser>>): Promise<RequestScope> {
  const module = STRATEGY_MODULES[mode];
  const jar = new Map<string, string>([[COOKIES.strategy.name(false), mode]]);
  const scope: RequestScope = {
    ...scopeFrom(new Headers({ "user-agent": "Compare bench" }), jar),
    strategy: mode,
  };
  const salt = COOKIES.session.name(false);
  const { result: token, cookies: extra } = await collectingCookies(() =>
    atFixedTime(() => module.signIn({ scope, user, persistent: true, token: {} })),
  );
  jar.set(salt, await module.encode(token, salt));
  for (const line of extra) {
    const [pair = ""] = line.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
  }
  // Cookie-cache mode adds its signed copy on the first read that missed it: ask the module.
  const verdict = await atFixedTime(() => readSession(scope));
  if (verdict.status === "signed-in") {
    const renewal = await atFixedTime(() => module.renew(verdict, scope));
    for (const line of renewal?.setCookies ?? []) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      if (name !== salt) jar.set(name, decodeURIComponent(pair.slice(eq + 1)));
    }
  }
  return scope;
}

async function benchScopes(): Promise<Map<Strategy, RequestScope>> {
  if (bench && Date.now() - bench.at < REMAKE_MS) return bench.scopes;
  const user = await benchUser();
  // The previous round's sessions go first, so measuring never piles rows up.
  await Promise.all([
    db.session.deleteMany({ where: { userId: user.id } }),
    db.issuedToken.deleteMany({ where: { userId: user.id } }),
    db.refreshFamily.deleteMany({ where: { userId: user.id } }),
  ]);
  const scopes = new Map<Strategy, RequestScope>();
  for (const mode of STRATEGIES) scopes.set(mode, await sessionIn(mode, user));
  bench = { at: Date.now(), scopes };
  return scopes;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

export async function measureModes(): Promise<ModeMeasure[]> {
  const scopes = await benchScopes();
  const out: ModeMeasure[] = [];
  for (const mode of STRATEGIES) {
    const scope = scopes.get(mode);
    if (!scope) continue;
    const cookies = [...scope.cookies]
      .filter(([name]) => name !== COOKIES.strategy.name(false))
      .map(([name, value]) => ({ name, bytes: name.length + 1 + value.length }));
    const times: number[] = [];
    let signedIn = true;
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      const verdict = await atFixedTime(() => readSession(scope));
      times.push(performance.now() - start);
      signedIn &&= verdict.status === "signed-in";
    }
    out.push({
      mode,
      cookies,
      totalBytes: cookies.reduce((n, c) => n + c.bytes, 0),
      readMs: { median: median(times), min: Math.min(...times), max: Math.max(...times), rounds: ROUNDS },
      signedIn,
    });
  }
  return out;
}
