/**
 * Which way of keeping a user signed in applies to this request.
 *  - database:     an opaque random id in the cookie, the session is a row on the server.
 *  - jwt:          the whole session is an encrypted token in the cookie; the server stores nothing.
 *  - jwt-refresh:  a JWT that lives only seconds, renewed by a rotating refresh token.
 *  - cookie-cache: database sessions with a short-lived signed copy in a second cookie, trusted
 *                  without a lookup until it is a few seconds old (Better Auth's "cookie cache").
 * Pure: no env or cookie access here. Each mode's behaviour lives in lib/auth/strategies/.
 */
export const STRATEGIES = ["database", "jwt", "jwt-refresh", "cookie-cache"] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Names for people. Pure data, so client components can use them too. */
export const STRATEGY_LABELS: Record<Strategy, string> = {
  database: "Database",
  jwt: "JWT",
  "jwt-refresh": "JWT + refresh",
  "cookie-cache": "Database + cookie cache",
};

/** The modes whose session cookie is a JWT. */
export type JwtMode = "jwt" | "jwt-refresh";

export function isStrategy(value: unknown): value is Strategy {
  return typeof value === "string" && (STRATEGIES as readonly string[]).includes(value);
}

export interface StrategyPolicy {
  fallback: Strategy;
  locked: boolean;
}

/** The browser's choice if it is valid and the server is not locked; otherwise the server default. */
export function resolveStrategy(cookieValue: string | undefined, policy: StrategyPolicy): Strategy {
  if (policy.locked) return policy.fallback;
  return isStrategy(cookieValue) ? cookieValue : policy.fallback;
}
