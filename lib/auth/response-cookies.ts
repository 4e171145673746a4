import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Cookies the lab's auth code wants on the response Auth.js is building (refresh mode's refresh
 * token at sign-in). Auth.js offers no hook for extra cookies, so the /api/auth route handler opens
 * a bag, runs Auth.js inside it, and appends whatever landed in it. No next/headers involved, so
 * the same code runs under Auth.js's own `Auth(request, config)` in tests.
 */
const storage = new AsyncLocalStorage<string[]>();

export async function collectingCookies<T>(fn: () => Promise<T>): Promise<{ result: T; cookies: string[] }> {
  const bag: string[] = [];
  const result = await storage.run(bag, fn);
  return { result, cookies: bag };
}

/** Adds a Set-Cookie line to the response being built; false when there is no response to add it to. */
export function addResponseCookie(line: string): boolean {
  const bag = storage.getStore();
  if (!bag) return false;
  bag.push(line);
  return true;
}
