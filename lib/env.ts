import "server-only";
import { z } from "zod";

/**
 * The one place that reads process.env for the app. Every value is validated so a typo in
 * `.env.local` fails with a sentence instead of a stack trace three requests later.
 */
const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = (fallback: "0" | "1") =>
  z
    .enum(["0", "1", "true", "false", ""])
    .default(fallback)
    .transform((v) => v === "1" || v === "true");

const schema = z.object({
  DATABASE_URL: z
    .string()
    .min(1)
    .default("file:./.data/session-lab.db")
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "use file:./path.db (SQLite) or postgresql://…"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (run `npm run setup`)"),
  AUTH_SESSION_STRATEGY: z.enum(["database", "jwt", "jwt-refresh", "cookie-cache"]).default("database"),
  AUTH_STRATEGY_LOCKED: flag("0"),
  /** Idle timeout: a session unused this long ends. */
  AUTH_SESSION_MAX_AGE: seconds(8 * 60 * 60),
  /** How often a session's expiry is pushed forward, in every mode (throttles writes and re-issues). */
  AUTH_SESSION_UPDATE_AGE: seconds(5 * 60),
  /** Absolute timeout from the original sign-in; activity cannot extend it. */
  AUTH_ABSOLUTE_MAX_AGE: seconds(7 * 24 * 60 * 60),
  /** Access-token lifetime in the JWT + refresh mode. */
  AUTH_ACCESS_TOKEN_TTL: seconds(60),
  /** An unused refresh token dies after this long; defaults to the idle timeout (one set of lifetimes). */
  AUTH_REFRESH_TOKEN_TTL: z.coerce.number().int().positive().optional(),
  /** Parallel refreshes of one token inside this window get the same successor. */
  AUTH_REFRESH_GRACE: seconds(10),
  /** Cookie-cache mode: how long a signed copy of the session is trusted without a lookup. */
  AUTH_COOKIE_CACHE_TTL: seconds(30),
  /** Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed: IPs, CIDRs, or "loopback". */
  AUTH_TRUSTED_PROXIES: z.string().default(""),
  /** Failed password sign-ins allowed per account, and per client address, in AUTH_RATE_LIMIT_WINDOW. */
  AUTH_RATE_LIMIT_ACCOUNT: seconds(5),
  AUTH_RATE_LIMIT_ADDRESS: seconds(20),
  /** Magic links one address may be sent, and one client may ask for, in the window. */
  AUTH_RATE_LIMIT_MAGIC_LINK: seconds(5),
  AUTH_RATE_LIMIT_WINDOW: seconds(15 * 60),
  /** Password hashes computed at once; the rest wait, so hashing never takes the whole thread pool. */
  AUTH_HASH_CONCURRENCY: seconds(1),
  /** When the deny-list's store is unreachable: refuse JWTs (closed) or trust them unchecked (open). */
  AUTH_DENYLIST_WHEN_DOWN: z.enum(["closed", "open"]).default("closed"),
  /** Redis for the deny-list and rate-limit counters (e.g. redis://127.0.0.1:6379); unset: the database. */
  REDIS_URL: z.string().url().optional(),
  /**
   * "demo": one person explores alone (the seeded accounts, their public password). "workshop": a room
   * of participants who join at /join with a display name; demo accounts are refused and the instructor
   * signs in with INSTRUCTOR_SECRET (or the secret printed once at server start). See docs/workshop.md.
   */
  SESSION_LAB_MODE: z.enum(["demo", "workshop"]).default("demo"),
  /** Workshop mode: the instructor's sign-in secret. Unset: a fresh one is printed at every start. */
  INSTRUCTOR_SECRET: z.string().min(16, "INSTRUCTOR_SECRET needs at least 16 characters").max(200).optional(),
  /** Demo mode lists the seeded accounts and opens the dev mailbox. */
  SESSION_LAB_DEMO: flag("1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SESSION_LAB_INTERNAL_URL: z.string().url().optional(),
  /** This instance's name in a cluster (shown on every page and in /api/whoami). */
  SESSION_LAB_INSTANCE: z
    .string()
    .regex(/^[a-z0-9-]{1,20}$/, "use 1-20 lowercase letters, digits or dashes")
    .default("solo"),
  /** Cluster mode (`npm run cluster`): every instance's name, comma-separated, for the pin form. */
  SESSION_LAB_CLUSTER: z
    .string()
    .regex(/^([a-z0-9-]{1,20})(,[a-z0-9-]{1,20})*$/, "use instance names separated by commas")
    .optional()
    .transform((v) => (v ? v.split(",") : [])),
  /** The public origin. When set, Auth.js builds every link (magic links included) from it. */
  AUTH_URL: z.string().url().optional(),
  /** What the orders service authenticates with at /api/introspect (`npm run setup` generates one). */
  SERVICE_CLIENT_SECRET: z.string().min(32, "SERVICE_CLIENT_SECRET needs 32+ characters").optional(),
  /** Lifetime of the signed access tokens other services verify on their own (5 min). */
  SERVICE_TOKEN_TTL: seconds(5 * 60),
  /** A new signing key is published this long before it signs, so verifiers' JWKS caches have it. */
  SIGNING_KEY_PUBLISH_LEAD: z.coerce.number().int().min(0).max(86400).default(30),
  /** Where the app calls the orders service (the /services page). */
  ORDERS_SERVICE_URL: z.string().url().default("http://127.0.0.1:4000"),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Session Lab configuration is invalid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = load();

/** Where the server can reach itself (the stolen-copy "attacker" replays here), never a Host header. */
export const internalUrl = env.SESSION_LAB_INTERNAL_URL ?? `http://127.0.0.1:${env.PORT}`;
