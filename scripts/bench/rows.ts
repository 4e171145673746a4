/**
 * What the benchmark measures and how it is judged: pure data and arithmetic, no I/O, so the unit
 * tests can hold the row list, the ratios and the targets to what docs/performance.md promises.
 */
export const MODES = ["database", "jwt", "jwt-refresh", "cookie-cache"] as const;
export type Mode = (typeof MODES)[number];
export type ReadPath = "app" | "authjs";

export interface RowSpec {
  id: string;
  label: string;
  path: string;
  /** Signed in in this mode before the row runs; null: no session cookie at all. */
  mode: Mode | null;
  via: ReadPath | null;
  /** The status every answer must have (anything else is counted as an error). */
  expectStatus: number;
  /**
   * Pads the request's Cookie header with a dummy cookie to the length this mode's cookies have:
   * the same check as `mode`, carrying as many bytes as `padTo` does, so what the size of a
   * credential costs on every request shows apart from what checking it costs.
   */
  padTo?: Mode;
}

const whoami = (via: ReadPath) => (via === "authjs" ? "/api/whoami?via=authjs" : "/api/whoami");
const VIA_LABEL: Record<ReadPath, string> = { app: "app read path", authjs: "Auth.js auth()" };

/** The HTTP rows, in the order they run: the floor first, then signed out, then each mode by both paths. */
export function rowSpecs(): RowSpec[] {
  const rows: RowSpec[] = [
    {
      id: "health",
      label: "GET /api/health (floor)",
      path: "/api/health",
      mode: null,
      via: null,
      expectStatus: 200,
    },
  ];
  for (const via of ["app", "authjs"] as const)
    rows.push({
      id: `signed-out:${via}`,
      label: `whoami signed out, ${VIA_LABEL[via]}`,
      path: whoami(via),
      mode: null,
      via,
      expectStatus: 401,
    });
  for (const mode of MODES)
    for (const via of ["app", "authjs"] as const)
      rows.push({
        id: `${mode}:${via}`,
        label: `whoami ${mode}, ${VIA_LABEL[via]}`,
        path: whoami(via),
        mode,
        via,
        expectStatus: 200,
      });
  rows.push({
    id: "database-padded:app",
    label: "whoami database, cookie padded to JWT size",
    path: whoami("app"),
    mode: "database",
    via: "app",
    expectStatus: 200,
    padTo: "jwt",
  });
  return rows;
}

export interface HttpResult {
  id: string;
  label: string;
  mode: Mode | null;
  via: ReadPath | null;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers with another status than expected, plus connection errors and timeouts. */
  errors: number;
  /** rps / the floor's rps, same run (the floor sends no cookie at all). */
  ratio: number;
  /**
   * rps / the rps of /api/health sent with this row's very cookies, right before it: what checking
   * the session costs, with the cost of carrying the cookie (paid by every request of a signed-in
   * browser, checked or not) on both sides. Null for rows without cookies.
   */
  sameCookiesRatio?: number | null;
  /**
   * Server CPU time per request in microseconds (the server process's own user + system time over
   * the row's requests): what the server itself spent, whatever the load generator next to it did.
   */
  cpuUs?: number | null;
}

export interface CostSplit {
  id: string;
  samples: number;
  /** Mean milliseconds per request, from the app's trace (Server-Timing). */
  key: number;
  crypto: number;
  store: number;
  check: number;
  /** The handler's own total minus the traced steps: settings sync, config, object building. */
  framework: number;
  total: number;
}

export interface LookupResult {
  engine: "sqlite" | "postgresql";
  sessions: number;
  /** Mean and p99 microseconds of SessionStore.find for a random existing session. */
  meanUs: number;
  p99Us: number;
}

export interface DecodeResult {
  id: string;
  label: string;
  meanUs: number;
  p99Us: number;
}

export interface CookieSize {
  mode: Mode;
  /** Bytes of every cookie sign-in (and, for the cache, the first page view) left in the jar. */
  cookies: { name: string; bytes: number }[];
  total: number;
}

export interface JwtGrowth {
  extraClaimBytes: number;
  jwtBytes: number;
  chunks: number;
}

export interface TargetResult {
  id: string;
  label: string;
  target: string;
  measured: string;
  pass: boolean | null;
}

export interface BenchResults {
  version: 1;
  when: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string };
  settings: { durationS: number; rounds: number; connections: number; smoke: boolean; sizes: number[] };
  http: HttpResult[];
  costs: CostSplit[];
  lookups: LookupResult[];
  lookupNotes: string[];
  decode: DecodeResult[];
  cookies: CookieSize[];
  jwtGrowth: JwtGrowth[];
  chunkSize: number;
  peakRssMb: number | null;
  targets: TargetResult[];
}

/**
 * Each row's throughput over the floor's. A row measured with a floor run of its own right before
 * it (`floorRps`: paired, so a neighbour's load on a shared machine hits both) is divided by that;
 * otherwise by the round's health row.
 */
export function withRatios(
  rows: (Omit<HttpResult, "ratio"> & { floorRps?: number; cookieFloorRps?: number })[],
): HttpResult[] {
  const floor = rows.find((r) => r.id === "health")?.rps ?? 0;
  return rows.map(({ floorRps, cookieFloorRps, ...r }) => {
    const base = floorRps ?? floor;
    return {
      ...r,
      ratio: r.id === "health" ? 1 : base > 0 ? r.rps / base : 0,
      sameCookiesRatio: cookieFloorRps ? r.rps / cookieFloorRps : null,
    };
  });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Several interleaved rounds (every row once per round, the floor first in each): each figure is
 * the median over rounds, and each ratio the median of the per-round ratios, so a slow moment of a
 * shared machine moves one round, not the answer. Errors are summed.
 */
export function medianOfRounds(rounds: HttpResult[][]): HttpResult[] {
  const first = rounds[0] ?? [];
  return first.map((row) => {
    const all = rounds.map((r) => r.find((x) => x.id === row.id)).filter((x): x is HttpResult => !!x);
    const m = (pick: (x: HttpResult) => number) => median(all.map(pick));
    return {
      ...row,
      rps: m((x) => x.rps),
      p50: m((x) => x.p50),
      p99: m((x) => x.p99),
      ratio: m((x) => x.ratio),
      sameCookiesRatio: all.every((x) => typeof x.sameCookiesRatio === "number")
        ? m((x) => x.sameCookiesRatio ?? 0)
        : null,
      cpuUs: all.every((x) => typeof x.cpuUs === "number") ? m((x) => x.cpuUs ?? 0) : null,
      requests: all.reduce((s, x) => s + x.requests, 0),
      errors: all.reduce((s, x) => s + x.errors, 0),
    };
  });
}

export const TARGETS = {
  ratio: 0.8,
  decodeUs: 50,
  lookupUs: 200,
  /** "Flat": the largest table's lookup within this factor of the smallest's. */
  flatFactor: 2,
} as const;

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The targets, each with what was measured; pass is null when the measurement is missing. */
export function evaluateTargets(r: Pick<BenchResults, "http" | "decode" | "lookups">): TargetResult[] {
  const out: TargetResult[] = [];
  for (const mode of ["database", "jwt"] as const) {
    const row = r.http.find((h) => h.id === `${mode}:app`);
    out.push({
      id: `ratio:${mode}`,
      label: `whoami (${mode}, app path) vs /api/health`,
      target: `>= ${pct(TARGETS.ratio)}`,
      measured: row ? pct(row.ratio) : "not measured",
      pass: row ? row.ratio >= TARGETS.ratio : null,
    });
    const same = row?.sameCookiesRatio;
    out.push({
      id: `ratio-same-cookies:${mode}`,
      label: `whoami (${mode}, app path) vs /api/health sent with the same cookies`,
      target: `>= ${pct(TARGETS.ratio)}`,
      measured: typeof same === "number" ? pct(same) : "not measured",
      pass: typeof same === "number" ? same >= TARGETS.ratio : null,
    });
  }
  const decode = r.decode.find((d) => d.id === "decode:app");
  out.push({
    id: "decode",
    label: "JWT decode (the app's decodeSessionJwt, A256GCM)",
    target: `<= ${TARGETS.decodeUs} µs`,
    measured: decode ? `${decode.meanUs.toFixed(1)} µs` : "not measured",
    pass: decode ? decode.meanUs <= TARGETS.decodeUs : null,
  });
  for (const engine of ["sqlite", "postgresql"] as const) {
    const rows = r.lookups.filter((l) => l.engine === engine).sort((a, b) => a.sessions - b.sessions);
    const first = rows[0];
    const last = rows[rows.length - 1];
    const worst = Math.max(...rows.map((l) => l.meanUs));
    out.push({
      id: `lookup:${engine}`,
      label: `DB lookup on ${engine}, ${rows.map((l) => l.sessions.toLocaleString("en")).join(" -> ") || "-"} sessions`,
      target: `<= ${TARGETS.lookupUs} µs, largest <= ${TARGETS.flatFactor}x smallest`,
      measured:
        first && last
          ? `${rows.map((l) => l.meanUs.toFixed(1)).join(" / ")} µs (x${(last.meanUs / first.meanUs).toFixed(2)})`
          : "not measured",
      pass:
        first && last ? worst <= TARGETS.lookupUs && last.meanUs <= first.meanUs * TARGETS.flatFactor : null,
    });
  }
  return out;
}
