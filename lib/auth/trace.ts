import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A per-request log of what the server did to trust a credential (lookups, decryption, checks),
 * each step timed. AsyncLocalStorage carries it through Auth.js's callbacks without threading
 * arguments through code we do not own.
 *
 * Steps have ids and a kind, so views and the benchmark can split the cost into the inherent
 * work (key lookup, cryptography, store queries) and everything around it (the framework).
 */
export type StepKind = "key" | "crypto" | "store" | "check";
export type StoreName = "sqlite" | "postgresql" | "redis" | "memory";

export const STEPS = {
  "key.lookup": { kind: "key", label: "Find the key named in the token header (kid)" },
  "jwt.decrypt": { kind: "crypto", label: "Decrypt the JWT and verify its authentication tag" },
  "cache.verify": { kind: "crypto", label: "Verify the signed session cache cookie (HMAC)" },
  "session.hash": { kind: "crypto", label: "Hash the cookie value (SHA-256): only hashes are stored" },
  "session.lookup": { kind: "store", label: "Look up the session row by that hash, joined with its user" },
  "session.touch": { kind: "store", label: "Record activity on the session row" },
  "session.delete": { kind: "store", label: "Delete the expired session row" },
  "denylist.lookup": { kind: "store", label: "Deny-list: look up this token's sid and user" },
  "refresh.rotate": { kind: "store", label: "Rotate the refresh token and mint a new access token" },
  "claims.check": { kind: "check", label: "Check mode, expiry and absolute timeout on the auth clock" },
} as const satisfies Record<string, { kind: StepKind; label: string }>;

export type StepId = keyof typeof STEPS;

export interface TraceStep {
  id: StepId;
  kind: StepKind;
  label: string;
  ms: number;
  ok: boolean;
  detail?: string;
  /** Which store answered, for store steps. */
  store?: StoreName;
}

export interface Trace {
  steps: TraceStep[];
  /** Why the credential was refused, when it was. */
  rejection?: string;
}

const storage = new AsyncLocalStorage<Trace>();

export function newTrace(): Trace {
  return { steps: [] };
}

export function runWithTrace<T>(trace: Trace, fn: () => Promise<T>): Promise<T> {
  return storage.run(trace, fn);
}

export function currentTrace(): Trace | undefined {
  return storage.getStore();
}

/** Time one step; its failure is recorded and re-thrown. */
export async function step<T>(
  id: StepId,
  fn: () => Promise<T> | T,
  o: { detail?: (result: T) => string; store?: StoreName } = {},
): Promise<T> {
  const start = performance.now();
  try {
    const result = await fn();
    recordStep(id, start, true, o.detail?.(result), o.store);
    return result;
  } catch (error) {
    recordStep(id, start, false, messageOf(error), o.store);
    throw error;
  }
}

/** The same for work that never waits: no promise, so a hot path pays nothing for the timing. */
export function stepSync<T>(id: StepId, fn: () => T, o: { detail?: (result: T) => string } = {}): T {
  const start = performance.now();
  try {
    const result = fn();
    recordStep(id, start, true, o.detail?.(result));
    return result;
  } catch (error) {
    recordStep(id, start, false, messageOf(error));
    throw error;
  }
}

/** Records a step timed by the caller (`start` from performance.now()). */
export function recordStep(id: StepId, start: number, ok: boolean, detail?: string, store?: StoreName): void {
  storage.getStore()?.steps.push({ id, ...STEPS[id], ms: performance.now() - start, ok, detail, store });
}

export function reject(reason: string): void {
  const trace = storage.getStore();
  if (trace && !trace.rejection) trace.rejection = reason;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Milliseconds spent per kind of step, for the cost split. */
export function costByKind(trace: Trace): Record<StepKind, number> {
  const out: Record<StepKind, number> = { key: 0, crypto: 0, store: 0, check: 0 };
  for (const s of trace.steps) out[s.kind] += s.ms;
  return out;
}
