import { describe, expect, it } from "vitest";
import { resultsSchema, THROUGHPUT_COLUMNS, throughputCells } from "@/features/benchmarks/schema";
import { report, table } from "../scripts/bench/format";
import {
  type BenchResults,
  evaluateTargets,
  type HttpResult,
  MODES,
  medianOfRounds,
  rowSpecs,
  withRatios,
} from "../scripts/bench/rows";

/** The pure parts of `npm run bench`: which rows run, how they are judged, and what is written. */
const raw = (id: string, rps: number): Omit<HttpResult, "ratio"> => ({
  id,
  label: id,
  mode: null,
  via: null,
  rps,
  p50: 1,
  p99: 2,
  requests: rps * 5,
  errors: 0,
});

function sample(over: Partial<BenchResults> = {}): BenchResults {
  const http = withRatios([raw("health", 1000), raw("database:app", 850), raw("jwt:app", 700)]);
  const lookups = [
    { engine: "sqlite" as const, sessions: 1000, meanUs: 10, p99Us: 20 },
    { engine: "sqlite" as const, sessions: 100_000, meanUs: 12, p99Us: 25 },
  ];
  const decode = [{ id: "decode:app", label: "decode", meanUs: 40, p99Us: 80 }];
  return {
    version: 1,
    when: "2026-11-30T10:00:00.000Z",
    machine: { cpus: 2, cpuModel: "test", node: "v20", platform: "linux x64" },
    settings: { durationS: 5, rounds: 3, connections: 10, smoke: false, sizes: [1000, 100_000] },
    http,
    costs: [
      {
        id: "database:app",
        samples: 10,
        key: 0,
        crypto: 0.01,
        store: 0.02,
        check: 0,
        framework: 0.3,
        total: 0.33,
      },
    ],
    lookups,
    lookupNotes: [],
    decode,
    cookies: [{ mode: "database", cookies: [{ name: "authjs.session-token", bytes: 64 }], total: 64 }],
    jwtGrowth: [{ extraClaimBytes: 0, jwtBytes: 461, chunks: 1 }],
    chunkSize: 3936,
    peakRssMb: 250,
    targets: evaluateTargets({ http, lookups, decode }),
    ...over,
  };
}

describe("bench rows", () => {
  it("runs the floor first, then signed out and every mode through both read paths", () => {
    const rows = rowSpecs();
    expect(rows[0]).toMatchObject({ id: "health", path: "/api/health", expectStatus: 200 });
    for (const via of ["app", "authjs"]) {
      expect(rows.find((r) => r.id === `signed-out:${via}`)?.expectStatus).toBe(401);
      for (const mode of MODES) expect(rows.find((r) => r.id === `${mode}:${via}`)?.expectStatus).toBe(200);
    }
    expect(rows.filter((r) => r.via === "authjs").every((r) => r.path.endsWith("?via=authjs"))).toBe(true);
    expect(rows.filter((r) => r.via === "app").every((r) => r.path === "/api/whoami")).toBe(true);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it("runs the database check once more with the cookie padded to a JWT's size (what bytes cost)", () => {
    const padded = rowSpecs().filter((r) => r.padTo);
    expect(padded).toEqual([
      expect.objectContaining({ id: "database-padded:app", mode: "database", padTo: "jwt" }),
    ]);
  });

  it("divides each row by the floor of the same run", () => {
    const http = withRatios([raw("health", 1000), raw("jwt:app", 250)]);
    expect(http.map((h) => h.ratio)).toEqual([1, 0.25]);
    expect(withRatios([raw("jwt:app", 250)])[0]?.ratio).toBe(0);
  });

  it("a row with cookies is also divided by the floor sent with the same cookies", () => {
    const http = withRatios([
      raw("health", 1000),
      { ...raw("jwt:app", 700), floorRps: 1000, cookieFloorRps: 800 },
      raw("signed-out:app", 950),
    ]);
    expect(http.map((h) => [h.ratio, h.sameCookiesRatio])).toEqual([
      [1, null],
      [0.7, 0.875],
      [0.95, null],
    ]);
    const targets = evaluateTargets({ http, decode: [], lookups: [] });
    expect(targets.find((t) => t.id === "ratio:jwt")).toMatchObject({ measured: "70 %", pass: false });
    expect(targets.find((t) => t.id === "ratio-same-cookies:jwt")).toMatchObject({
      measured: "88 %",
      pass: true,
    });
    expect(targets.find((t) => t.id === "ratio-same-cookies:database")?.pass).toBeNull();
  });

  it("a row paired with its own floor run is divided by that run", () => {
    const http = withRatios([raw("health", 1000), { ...raw("jwt:app", 400), floorRps: 500 }]);
    expect(http.map((h) => h.ratio)).toEqual([1, 0.8]);
    expect(http[1]).not.toHaveProperty("floorRps");
  });
});

it("several rounds: the median of each figure and of the per-round ratios; errors add up", () => {
  const round = (health: number, jwt: number, errors = 0) =>
    withRatios([raw("health", health), { ...raw("jwt:app", jwt), errors }]);
  const out = medianOfRounds([round(1000, 800), round(500, 450, 2), round(1200, 600)]);
  expect(out.map((r) => r.id)).toEqual(["health", "jwt:app"]);
  expect(out[0]?.rps).toBe(1000);
  expect(out[1]?.rps).toBe(600);
  expect(out[1]?.ratio).toBe(0.8); // per-round ratios 0.8, 0.9, 0.5
  expect(out[1]?.errors).toBe(2);
});

describe("targets", () => {
  it("passes at 80 % and misses below, per mode", () => {
    const t = sample().targets;
    expect(t.find((x) => x.id === "ratio:database")).toMatchObject({ pass: true, measured: "85 %" });
    expect(t.find((x) => x.id === "ratio:jwt")).toMatchObject({ pass: false, measured: "70 %" });
    expect(t.find((x) => x.id === "decode")?.pass).toBe(true);
    expect(t.find((x) => x.id === "lookup:sqlite")?.pass).toBe(true);
    // PostgreSQL was not measured: neither pass nor miss.
    expect(t.find((x) => x.id === "lookup:postgresql")).toMatchObject({
      pass: null,
      measured: "not measured",
    });
  });

  it("a lookup that grows with the table misses 'flat' even under 200 µs", () => {
    const lookups = [
      { engine: "sqlite" as const, sessions: 1000, meanUs: 10, p99Us: 20 },
      { engine: "sqlite" as const, sessions: 100_000, meanUs: 150, p99Us: 300 },
    ];
    const t = evaluateTargets({ http: [], decode: [], lookups });
    expect(t.find((x) => x.id === "lookup:sqlite")?.pass).toBe(false);
    expect(t.find((x) => x.id === "ratio:jwt")?.pass).toBeNull();
  });

  it("a decode over 50 µs misses", () => {
    const t = evaluateTargets({
      http: [],
      lookups: [],
      decode: [{ id: "decode:app", label: "", meanUs: 51, p99Us: 60 }],
    });
    expect(t.find((x) => x.id === "decode")).toMatchObject({ pass: false, measured: "51.0 µs" });
  });
});

describe("output", () => {
  it("tables line up: every line as wide as the header", () => {
    const out = table(
      ["row", "req/s"],
      [
        ["health", "1,000"],
        ["whoami jwt, app read path", 12],
      ],
    );
    const widths = out.split("\n").map((l) => l.length);
    expect(new Set(widths).size).toBe(1);
    expect(out).toContain("| whoami jwt, app read path |");
  });

  it("the report names each target's result", () => {
    const text = report(sample());
    expect(text).toMatch(/whoami \(database, app path\).*85 %.*pass/);
    expect(text).toMatch(/whoami \(jwt, app path\).*70 %.*MISS/);
    expect(text).toContain("Peak server RSS (VmHWM): 250.0 MB");
  });

  it("what the bench writes is what the Benchmarks page reads", () => {
    const written = JSON.parse(JSON.stringify(sample()));
    expect(resultsSchema.safeParse(written).success).toBe(true);
    expect(resultsSchema.safeParse({ ...written, http: [{ id: "health" }] }).success).toBe(false);
  });
});

it("reports the server's own CPU per request: the median over rounds, n/a when it was not measured", () => {
  const round = (cpuUs: number | null) =>
    withRatios([
      { ...raw("health", 1000), cpuUs },
      { ...raw("jwt:app", 800), cpuUs: cpuUs === null ? null : cpuUs * 1.3 },
    ]);
  const out = medianOfRounds([round(1000), round(1200), round(900)]);
  expect(out.map((r) => r.cpuUs)).toEqual([1000, 1300]);
  expect(medianOfRounds([round(1000), round(null)])[0]?.cpuUs).toBeNull();
  expect(
    throughputCells({ ...raw("jwt:app", 800), ratio: 0.8, sameCookiesRatio: 0.9, cpuUs: 1234.4 }),
  ).toEqual(["jwt:app", "800", "1.0", "2.0", "80 %", "90 %", "1,234", "0"]);
  expect(throughputCells(out[1] as HttpResult)).toHaveLength(THROUGHPUT_COLUMNS.length + 1);
  const printed = report(sample())
    .split("\n")
    .filter((l) => l.startsWith("| health "));
  expect(printed[0]?.split("|").length).toBe(THROUGHPUT_COLUMNS.length + 3);
  // A results file from before this column still loads, and prints n/a.
  const old = resultsSchema.parse(JSON.parse(JSON.stringify(sample())));
  expect(throughputCells(old.http[0] as (typeof old.http)[number]).slice(-3)).toEqual(["-", "n/a", "0"]);
});
