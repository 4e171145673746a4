import "server-only";
import type { Session } from "next-auth";
import { cache } from "react";
import { auth } from "@/auth";
import { type RequestContext, requestContext } from "./request";
import { newTrace, runWithTrace, type Trace } from "./trace";

export interface AuthState {
  session: Session | null;
  ctx: RequestContext;
  trace: Trace;
  totalMs: number;
}

/**
 * The data access layer's front door: who is asking, and what it took to find out. Cached per
 * request, so every server component on a page shares one check (and one trace).
 */
export const getAuthState = cache(async (): Promise<AuthState> => {
  const trace = newTrace();
  const start = performance.now();
  const session = await runWithTrace(trace, () => auth()).catch(() => null);
  const totalMs = performance.now() - start;
  return { session: session?.user?.id ? session : null, ctx: await requestContext(), trace, totalMs };
});

/** The decrypted claims of this request's JWT (empty in database mode or when signed out). */
export function claimsOf(state: AuthState): Record<string, unknown> {
  const raw = state.trace.facts.claims;
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

export async function currentUser() {
  return (await getAuthState()).session?.user ?? null;
}
