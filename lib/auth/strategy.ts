/**
 * Which way of keeping a user signed in applies to this request.
 *  - database:    an opaque random id in the cookie, the session is a row on the server.
 *  - jwt:         the whole session is an encrypted token in the cookie; the server stores nothing.
 *  - jwt-refresh: a JWT that lives only seconds, renewed by a rotating refresh token.
 * Pure functions: no env or cookie access here, so they can be tested and reused anywhere.
 */
export const STRATEGIES = ["database", "jwt", "jwt-refresh"] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** The cookie scripts and tests may set directly to pick a strategy for one browser. */
export const STRATEGY_COOKIE = "auth-strategy";

export const STRATEGY_LABELS: Record<Strategy, string> = {
  database: "Database",
  jwt: "JWT",
  "jwt-refresh": "JWT + refresh",
};

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

/** The value NextAuth's `session.strategy` takes: refresh mode is a JWT session with extra rules. */
export function nextAuthStrategy(strategy: Strategy): "database" | "jwt" {
  return strategy === "database" ? "database" : "jwt";
}
