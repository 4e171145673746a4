import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A per-request log of what the server did to trust a credential (queries, decryption, checks),
 * each step timed. AsyncLocalStorage carries it through Auth.js's callbacks without threading
 * arguments through code we do not own.
 */
export interface TraceStep {
  label: string;
  ms: number;
  detail?: string;
  ok: boolean;
}

export interface Trace {
  steps: TraceStep[];
  /** Why the credential was refused, when it was. */
  rejection?: string;
  /** Facts the views want about the credential just checked (kid, sid, ...). */
  facts: Record<string, string>;
}

const storage = new AsyncLocalStorage<Trace>();

export function newTrace(): Trace {
  return { steps: [], facts: {} };
}

export function runWithTrace<T>(trace: Trace, fn: () => Promise<T>): Promise<T> {
  return storage.run(trace, fn);
}

export function currentTrace(): Trace | undefined {
  return storage.getStore();
}

/** Time one step; its failure is recorded and re-thrown. */
export async function step<T>(
  label: string,
  fn: () => Promise<T>,
  detail?: (result: T) => string,
): Promise<T> {
  const trace = storage.getStore();
  const start = performance.now();
  try {
    const result = await fn();
    trace?.steps.push({ label, ms: performance.now() - start, ok: true, detail: detail?.(result) });
    return result;
  } catch (error) {
    trace?.steps.push({ label, ms: performance.now() - start, ok: false, detail: messageOf(error) });
    throw error;
  }
}

export function reject(reason: string): void {
  const trace = storage.getStore();
  if (trace && !trace.rejection) trace.rejection = reason;
}

export function fact(key: string, value: string): void {
  const trace = storage.getStore();
  if (trace) trace.facts[key] = value;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
