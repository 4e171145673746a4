import { env } from "@/lib/env";

/**
 * One set of lifetimes, read from the environment once. Every expiry decision and every panel
 * that shows a lifetime uses these numbers, so what the lab says is what it enforces.
 */
export interface Lifetimes {
  /** Idle timeout: in database modes the row's expiry, in JWT mode the token's exp. */
  idleS: number;
  /** How often activity pushes the idle expiry forward (database write, JWT re-issue). */
  updateAgeS: number;
  /** From the original sign-in, whatever the activity. */
  absoluteS: number;
  /** JWT + refresh: the access token's life. */
  accessS: number;
  /** JWT + refresh: an unused refresh token's life (the idle timeout of that mode). */
  refreshS: number;
  /** JWT + refresh: concurrent refreshes inside this window share one successor. */
  refreshGraceS: number;
  /** Cookie-cache mode: how long the signed copy is trusted without a lookup. */
  cacheS: number;
}

export function lifetimes(): Lifetimes {
  return {
    idleS: env.AUTH_SESSION_MAX_AGE,
    updateAgeS: env.AUTH_SESSION_UPDATE_AGE,
    absoluteS: env.AUTH_ABSOLUTE_MAX_AGE,
    accessS: env.AUTH_ACCESS_TOKEN_TTL,
    refreshS: env.AUTH_REFRESH_TOKEN_TTL ?? env.AUTH_SESSION_MAX_AGE,
    refreshGraceS: env.AUTH_REFRESH_GRACE,
    cacheS: env.AUTH_COOKIE_CACHE_TTL,
  };
}

/** "8 h", "7 days", "30 s": how the lab writes a duration everywhere. */
export function duration(s: number): string {
  if (s >= 86400 && s % 3600 === 0 && s / 86400 >= 2) return `${+(s / 86400).toFixed(1)} days`;
  if (s >= 3600) return `${+(s / 3600).toFixed(1)} h`;
  if (s >= 60) return `${+(s / 60).toFixed(1)} min`;
  return `${s} s`;
}
