import { z } from "zod";

/**
 * The shape of bench/results/latest.json, as `npm run bench` writes it (scripts/bench/rows.ts).
 * The page parses the file with this, so a hand-edited or older file gives a sentence, not a crash.
 */
const mode = z.enum(["database", "jwt", "jwt-refresh", "cookie-cache"]);

export const resultsSchema = z.object({
  version: z.literal(1),
  when: z.string(),
  machine: z.object({ cpus: z.number(), cpuModel: z.string(), node: z.string(), platform: z.string() }),
  settings: z.object({
    durationS: z.number(),
    rounds: z.number(),
    connections: z.number(),
    smoke: z.boolean(),
    sizes: z.array(z.number()),
  }),
  http: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      mode: mode.nullable(),
      via: z.enum(["app", "authjs"]).nullable(),
      rps: z.number(),
      p50: z.number(),
      p99: z.number(),
      requests: z.number(),
      errors: z.number(),
      ratio: z.number(),
      cpuUs: z.number().nullable().optional(),
      sameCookiesRatio: z.number().nullable().optional(),
    }),
  ),
  costs: z.array(
    z.object({
      id: z.string(),
      samples: z.number(),
      key: z.number(),
      crypto: z.number(),
      store: z.number(),
      check: z.number(),
      framework: z.number(),
      total: z.number(),
    }),
  ),
  lookups: z.array(
    z.object({
      engine: z.enum(["sqlite", "postgresql"]),
      sessions: z.number(),
      meanUs: z.number(),
      p99Us: z.number(),
    }),
  ),
  lookupNotes: z.array(z.string()),
  decode: z.array(z.object({ id: z.string(), label: z.string(), meanUs: z.number(), p99Us: z.number() })),
  cookies: z.array(
    z.object({
      mode,
      cookies: z.array(z.object({ name: z.string(), bytes: z.number() })),
      total: z.number(),
    }),
  ),
  jwtGrowth: z.array(z.object({ extraClaimBytes: z.number(), jwtBytes: z.number(), chunks: z.number() })),
  chunkSize: z.number(),
  peakRssMb: z.number().nullable(),
  targets: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      target: z.string(),
      measured: z.string(),
      pass: z.boolean().nullable(),
    }),
  ),
});

export type StoredResults = z.infer<typeof resultsSchema>;

/** How every bench table shows a number, in the terminal and on the Benchmarks page alike. */
export const figure = (x: number, digits = 0) =>
  x.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The cost split's columns, in the order both tables print them. */
export const COST_COLUMNS = ["key", "crypto", "store", "check", "framework", "total"] as const;

/** One row of the cost-split table: the row id, then each column in ms. */
export function costCells(c: StoredResults["costs"][number]): string[] {
  return [c.id, ...COST_COLUMNS.map((k) => figure(c[k], 3))];
}

/** The throughput table's columns, in the order both tables print them. */
export const THROUGHPUT_COLUMNS = [
  "req/s",
  "p50 ms",
  "p99 ms",
  "vs health",
  "vs health, same cookies",
  "server CPU µs/req",
  "errors",
] as const;

/** One row of the throughput table: the row's label, then each column. */
export function throughputCells(h: StoredResults["http"][number]): string[] {
  return [
    h.label,
    figure(h.rps),
    figure(h.p50, 1),
    figure(h.p99, 1),
    `${Math.round(h.ratio * 100)} %`,
    typeof h.sameCookiesRatio === "number" ? `${Math.round(h.sameCookiesRatio * 100)} %` : "-",
    typeof h.cpuUs === "number" ? figure(h.cpuUs) : "n/a",
    String(h.errors),
  ];
}
