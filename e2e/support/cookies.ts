import type { BrowserContext, Cookie } from "@playwright/test";
import { BASE_URL } from "./env";

/** Auth.js's session cookie over plain http (over HTTPS it gets the `__Secure-` prefix). */
export const SESSION_COOKIE = "authjs.session-token";
/** The per-browser strategy choice the server reads (lib/auth/strategy.ts). */
export const STRATEGY_COOKIE = "auth-strategy";
/** This browser's lab bench: the stolen copies belong to it, not to a session (lib/revocation/lab-id.ts). */
export const BENCH_COOKIE = "session-lab.bench";
/** JWT + refresh mode: the rotating refresh token (lib/auth/refresh.ts). */
export const REFRESH_COOKIE = "session-lab.refresh-token";

// Cookies are scoped to a host, not a port: cookies for BASE_URL also reach the locked server.
export async function findCookie(context: BrowserContext, name: string): Promise<Cookie | undefined> {
  return (await context.cookies(BASE_URL)).find((c) => c.name === name);
}

/** The session cookie, failing the test with a clear message when there is none. */
export async function sessionCookie(context: BrowserContext): Promise<Cookie> {
  const cookie = await findCookie(context, SESSION_COOKIE);
  if (!cookie) throw new Error(`expected a ${SESSION_COOKIE} cookie in this browser`);
  return cookie;
}

/** Set cookies as the server would (host-only, Path=/); a value replaces any cookie of that name. */
export async function setCookies(context: BrowserContext, values: Record<string, string>): Promise<void> {
  await context.addCookies(Object.entries(values).map(([name, value]) => ({ name, value, url: BASE_URL })));
}

/** A Cookie header carrying only the given cookies: what a copied (stolen) cookie looks like. */
export function cookieHeader(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
}
