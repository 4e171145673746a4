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
export const getAuthState = cache(async (): Promise<AuthState> => {
  const scope = await requestScope();
  const trace = newTrace();
  const start = performance.now();
  const verdict = await runWithTrace(trace, () => readSession(scope));
  const totalMs = performance.now() - start;
  return { verdict, user: verdict.status === "signed-in" ? verdict.user : null, scope, trace, totalMs };
});

export async function currentUser(): Promise<SessionUser | null> {
  return (await getAuthState()).user;
}
