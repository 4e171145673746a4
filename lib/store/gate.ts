import "server-only";

/**
 * The store gate: every query to a store passes here first. It is how the lab makes a store
 * unreachable on purpose (the instructor's outage control, fault tests), and the one place a
 * store failure is turned into a StoreUnavailableError that callers can tell apart from "no such
 * session": an outage must never read as "signed out", let alone as "signed in".
 */
export type StoreKind = "database" | "redis";

export class StoreUnavailableError extends Error {
  /**
   * Next bundles route handlers, pages and the proxy separately, each with its own copy of this
   * module, while the database client is one per process (made by whichever bundle came first).
   * An error thrown through another bundle's class must still be recognised here, or a store
   * outage would surface as a 500 instead of "unavailable" (seen in the cluster's outage test).
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === "StoreUnavailableError" && "store" in value;
  }

  constructor(
    readonly store: StoreKind,
    reason: string,
  ) {
    super(`The ${store === "database" ? "session store" : "Redis store"} is unavailable: ${reason}`);
    this.name = "StoreUnavailableError";
  }
}

interface Outage {
  until: number;
  reason: string;
  /** "board": announced to every instance (lib/store/outage-board.ts); "local": this process only (tests). */
  source: "board" | "local";
}

// Wall-clock milliseconds: an outage is an operational fact, not part of the auth clock's story.
const shared = globalThis as unknown as { sessionLabOutages?: Partial<Record<StoreKind, Outage>> };
shared.sessionLabOutages ??= {};
const outages = shared.sessionLabOutages;

export function startOutage(store: StoreKind, seconds: number, reason = "simulated outage"): void {
  outages[store] = { until: Date.now() + seconds * 1000, reason, source: "local" };
}

/** An outage announced on the board (every instance applies the same end time). */
export function applyBoardOutage(store: StoreKind, until: number, reason: string): void {
  outages[store] = { until, reason, source: "board" };
}

/** The board no longer lists an outage of `store`: end it here if it came from the board. */
export function clearBoardOutage(store: StoreKind): void {
  if (outages[store]?.source === "board") delete outages[store];
}

export function endOutage(store: StoreKind): void {
  delete outages[store];
}

/** Seconds left of a simulated outage, or 0. */
export function outageLeft(store: StoreKind): number {
  const o = outages[store];
  if (!o) return 0;
  const left = Math.ceil((o.until - Date.now()) / 1000);
  if (left <= 0) delete outages[store];
  return Math.max(0, left);
}

export function assertReachable(store: StoreKind): void {
  const o = outages[store];
  if (o && outageLeft(store) > 0) throw new StoreUnavailableError(store, o.reason);
}

/** Runs a store call; a driver failure (connection refused, locked, timeout) becomes StoreUnavailableError. */
export async function throughGate<T>(store: StoreKind, fn: () => Promise<T> | T): Promise<T> {
  assertReachable(store);
  try {
    return await fn();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    if (isConnectionFailure(error)) throw new StoreUnavailableError(store, describeFailure(error));
    throw error;
  }
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_CANTOPEN",
  "SQLITE_IOERR",
  "57P01", // PostgreSQL: admin shutdown
  "57P03", // PostgreSQL: cannot connect now
  "53300", // PostgreSQL: too many connections
  "P1001", // Prisma: can't reach database server
  "P1017", // Prisma: server closed the connection
  "P2024", // Prisma: timed out fetching a connection
]);

export function isConnectionFailure(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; cause?: unknown; name?: unknown; message?: unknown };
  if (typeof e.code === "string" && CONNECTION_CODES.has(e.code)) return true;
  if (e.name === "StoreUnavailableError") return true;
  if (
    typeof e.message === "string" &&
    /ECONNREFUSED|Can't reach database|connection (is )?closed|closed the connection|connection terminated|database is locked/i.test(
      e.message,
    )
  )
    return true;
  return e.cause ? isConnectionFailure(e.cause) : false;
}

function describeFailure(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code ?? e.message?.split("\n")[0] ?? "unknown error";
}
