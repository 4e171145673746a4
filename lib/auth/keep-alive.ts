import "server-only";
import { atFixedTime } from "@/lib/clock";
import { StoreUnavailableError } from "@/lib/store/gate";
import { readSession } from "./read";
import type { RequestScope } from "./scope";
import { STRATEGY_MODULES } from "./strategies";
import type { Renewal } from "./strategies/types";

/**
 * For page requests, in the proxy (server components cannot set cookies): renew what must be
 * renewed before the page reads the session (refresh mode's access token), then let the mode keep
 * the session alive (push a row's expiry, re-issue an old JWT, refresh the session cache).
 * Decided on one frozen instant of the auth clock, and never on a prefetch: a response to a
 * request sent before a sign-out must not carry a fresh credential after it.
 */
export async function keepAlive(scope: RequestScope): Promise<Renewal | null> {
  if (scope.prefetch || scope.bearer) return null;
  const mode = STRATEGY_MODULES[scope.strategy];
  try {
    return await atFixedTime(async () => {
      const prepared = (await mode.prepare?.(scope)) ?? null;
      const seen = prepared?.cookies ? { ...scope, cookies: prepared.cookies } : scope;
      const verdict = await readSession(seen);
      const renewed = verdict.status === "signed-in" ? await mode.renew(verdict, seen) : null;
      if (!prepared && !renewed) return null;
      return {
        cookies: prepared?.cookies,
        setCookies: [...(prepared?.setCookies ?? []), ...(renewed?.setCookies ?? [])],
      };
    });
  } catch (error) {
    // The page itself will say the store is unavailable; the proxy just lets it through unchanged.
    if (error instanceof StoreUnavailableError) return null;
    throw error;
  }
}

export function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}
