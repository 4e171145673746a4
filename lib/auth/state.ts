import "server-only";
import { cache } from "react";
import { readSession } from "./read";
import { type RequestScope, requestScope } from "./scope";
import type { SessionUser, Verdict } from "./strategies/types";
import { newTrace, runWithTrace, type Trace } from "./trace";

export interface AuthState {
  verdict: Verdict;
  /** The signed-in user, or null (signed out, or the store could not be asked). */
  user: SessionUser | null;
  scope: RequestScope;
  trace: Trace;
  /** Milliseconds for the whole check, as this page paid it. */
  totalMs: number;
}

/**
 * The data access layer's front door: who is asking, and what it took to find out. Cached per
 * request, so every server component on a page shares one check (and one trace). A store outage
 * is a verdict of its own ("unavailable"): pages show it, actions refuse, nothing reads it as
 * "signed out".
 */
const checkFor = cache(async (_generation: number): Promise<AuthState> => {
  const scope = await requestScope();
  const trace = newTrace();
  const start = performance.now();
  const verdict = await runWithTrace(trace, () => readSession(scope));
  const totalMs = performance.now() - start;
  return { verdict, user: verdict.status === "signed-in" ? verdict.user : null, scope, trace, totalMs };
});

/**
 * Which answer of this request is current. A server action that ends with redirect() has the new
 * page rendered in the same request, inside the same React cache: without a new generation it
 * would be drawn with the verdict read before the action revoked the session (a deny-listed JWT
 * would still look signed in on the page that says it is deny-listed).
 */
const generation = cache(() => ({ value: 0 }));

export function getAuthState(): Promise<AuthState> {
  return checkFor(generation().value);
}

/** After anything that may have changed who is signed in: the next getAuthState() checks again. */
export function authStateChanged(): void {
  generation().value += 1;
}

export async function currentUser(): Promise<SessionUser | null> {
  return (await getAuthState()).user;
}
