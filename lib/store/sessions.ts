import "server-only";
import type { StoreName } from "@/lib/auth/trace";

/**
 * The hot path of database sessions: one indexed lookup per request. Kept apart from Prisma so
 * the read costs what the lookup costs (a prepared statement: microseconds on SQLite), while
 * everything else about sessions (creating, listing, revoking) goes through Prisma as usual.
 * Times are epoch milliseconds on the auth clock.
 */
export interface SessionRecord {
  /** SHA-256 of the cookie value: the only form in which the id is stored. */
  hash: string;
  userId: string;
  expires: number;
  authTime: number;
  lastSeenAt: number;
  persistent: boolean;
  user: { id: string; email: string; name: string | null; role: string };
}

export interface SessionStore {
  readonly name: StoreName;
  find(hash: string): Promise<SessionRecord | null>;
  /** Record activity (written at most every so often by the caller). */
  touch(hash: string, lastSeenAt: number): Promise<void>;
  /** Push the idle expiry forward (and record activity). */
  extend(hash: string, expires: number, lastSeenAt: number): Promise<void>;
  remove(hash: string): Promise<void>;
}
