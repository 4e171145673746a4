import "server-only";
import type { StoreName } from "@/lib/auth/trace";

/**
 * Where deny-list entries live: the database by default, Redis when REDIS_URL is set (entries
 * then expire by themselves, with a TTL equal to the blocked token's remaining life). Times are
 * epoch milliseconds on the auth clock.
 */
export interface DenyEntry {
  kind: "sid" | "user";
  value: string;
  reason: string;
  createdAt: number;
  expiresAt: number;
}

export interface DenyListStore {
  readonly name: StoreName;
  /** Live entries for this sid or this user. The hot path: one round trip. */
  lookup(sid: string, userId: string, at: number): Promise<DenyEntry[]>;
  /** Adds or replaces the entry for (kind, value). */
  put(entry: DenyEntry, at: number): Promise<void>;
  /** Every live entry (panels and the instructor console). */
  live(at: number): Promise<DenyEntry[]>;
  /** "Back to now": entries stamped in the auth clock's future are pulled back to `at`. */
  clampFuture(at: number): Promise<void>;
  /** Forget every entry (resetting a workshop room). */
  clear(): Promise<void>;
}
