import "server-only";
import { z } from "zod";

/**
 * The one place that reads process.env for the app. Every value is validated so a typo in
 * `.env.local` fails with a sentence instead of a stack trace three requests later.
 */
const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = z
  .enum(["0", "1", "true", "false", ""])
  .default("0")
  .transform((v) => v === "1" || v === "true");

const schema = z.object({
  DATABASE_URL: z.string().min(1).default("file:./.data/session-lab.db"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (run `npm run setup`)"),
  AUTH_SESSION_STRATEGY: z.enum(["database", "jwt", "jwt-refresh"]).default("database"),
  AUTH_STRATEGY_LOCKED: flag,
  /** Idle timeout: a session unused this long ends. */
  AUTH_SESSION_MAX_AGE: seconds(8 * 60 * 60),
  /** How often a database session's expiry is pushed forward (throttles writes). */
  AUTH_SESSION_UPDATE_AGE: seconds(5 * 60),
  /** Absolute timeout from the original sign-in; activity cannot extend it. */
  AUTH_ABSOLUTE_MAX_AGE: seconds(7 * 24 * 60 * 60),
  /** Access-token lifetime in the JWT + refresh mode. */
  AUTH_ACCESS_TOKEN_TTL: seconds(60),
  /** An unused refresh token dies after this long (each rotation starts a new one): refresh mode's idle timeout. */
  AUTH_REFRESH_TOKEN_TTL: seconds(24 * 60 * 60),
  /** Parallel refreshes of one token inside this window get the same successor. */
  AUTH_REFRESH_GRACE: seconds(10),
  /** Demo mode lists the seeded accounts and opens the dev mailbox. */
  SESSION_LAB_DEMO: z
    .enum(["0", "1", "true", "false", ""])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SESSION_LAB_INTERNAL_URL: z.string().url().optional(),
  /** The public origin. When set, Auth.js builds every link (magic links included) from it. */
  AUTH_URL: z.string().url().optional(),
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
