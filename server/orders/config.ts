/**
 * The orders service's configuration: its own environment (plus the lab's .env.local, loaded by
 * the entry point, for the shared client secret). Validated once at start, so a typo is one
 * sentence at startup rather than a 500 on the first request.
 */
import { z } from "zod";

const seconds = (fallback: number) => z.coerce.number().int().min(0).max(86400).default(fallback);

const schema = z.object({
  ORDERS_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  ORDERS_HOST: z.string().min(1).default("127.0.0.1"),
  /** Where the app answers: its JWKS and its introspection endpoint. */
  APP_URL: z.string().url().default("http://127.0.0.1:3000"),
  /** The `iss` the app puts in its tokens; by default what the app itself uses (see issuerOf). */
  ORDERS_ISSUER: z.string().url().optional(),
  AUTH_URL: z.string().url().optional(),
  SESSION_LAB_INTERNAL_URL: z.string().url().optional(),
  /** The client secret this service introspects with (client id "orders"). */
  SERVICE_CLIENT_SECRET: z.string().min(32, "needs 32+ characters (npm run setup generates one)").optional(),
  /** How long fetched public keys are trusted before the next fetch: the JWKS's max-age. */
  ORDERS_JWKS_MAX_AGE: seconds(30),
  /** After a fetch, an unknown kid triggers another fetch only once this much time has passed. */
  ORDERS_JWKS_COOLDOWN: seconds(10),
  /** When the app cannot be reached, keys this young (from the last good fetch) are still used. */
  ORDERS_JWKS_STALE_IF_ERROR: seconds(600),
  /** Leeway for exp/nbf: this service's clock and the app's are different clocks. */
  ORDERS_CLOCK_TOLERANCE: seconds(5),
});

export interface OrdersConfig {
  port: number;
  host: string;
  appUrl: string;
  issuer: string;
  clientSecret: string | null;
  jwks: { maxAgeMs: number; cooldownMs: number; staleIfErrorMs: number };
  clockToleranceS: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): OrdersConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`The orders service's configuration is invalid:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  const appUrl = new URL(c.APP_URL).origin;
  return {
    port: c.ORDERS_PORT,
    host: c.ORDERS_HOST,
    appUrl,
    // The app signs with iss = AUTH_URL, else its internal URL; both lab processes read .env.local.
    issuer: new URL(c.ORDERS_ISSUER ?? c.AUTH_URL ?? c.SESSION_LAB_INTERNAL_URL ?? appUrl).origin,
    clientSecret: c.SERVICE_CLIENT_SECRET ?? null,
    jwks: {
      maxAgeMs: c.ORDERS_JWKS_MAX_AGE * 1000,
      cooldownMs: c.ORDERS_JWKS_COOLDOWN * 1000,
      staleIfErrorMs: c.ORDERS_JWKS_STALE_IF_ERROR * 1000,
    },
    clockToleranceS: c.ORDERS_CLOCK_TOLERANCE,
  };
}
