import "server-only";
import type Database from "better-sqlite3";
import { pgPool } from "@/lib/db/pg-pool";
import { engineOf } from "@/lib/db/schemas";
import { env } from "@/lib/env";
import { applyBoardOutage, clearBoardOutage, endOutage, outageLeft, type StoreKind } from "./gate";
import { sqliteConnection } from "./sqlite-sessions";

/**
 * The outage board: how a simulated store outage reaches every instance of a cluster. The gate
 * (gate.ts) lives in one process's memory; an instructor's click lands on one instance only. So the
 * outage is written to the shared database (a `Setting` row, `outage.<store>` = its end time), and
 * every instance copies the board into its own gate twice a second, in the background: no request
 * ever waits for it, and the trace of a request never shows it.
 *
 * The board is the control plane of a make-believe outage, so it talks to the real database
 * directly, past the gate: it must still work while the app pretends the database is gone (that is
 * how "End outage" gets through). A real outage makes the board unreachable too, and an outage
 * already announced still ends on time on every instance, because each copy carries its end time.
 */
export const OUTAGE_KINDS: readonly StoreKind[] = ["database", "redis"];
const KEY_PREFIX = "outage.";
const POLL_MS = 500;

interface Board {
  read(): Promise<{ key: string; value: string }[]>;
  write(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

const shared = globalThis as unknown as {
  sessionLabOutageBoard?: { board: Board; timer: NodeJS.Timeout | null };
};

function sqliteBoard(conn: Database.Database): Board {
  return {
    read: async () =>
      conn.prepare(`SELECT key, value FROM "Setting" WHERE key LIKE ?`).all(`${KEY_PREFIX}%`) as {
        key: string;
        value: string;
      }[],
    write: async (key, value) => {
      conn
        .prepare(
          `INSERT INTO "Setting" (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        )
        .run(key, value);
    },
    remove: async (key) => {
      conn.prepare(`DELETE FROM "Setting" WHERE key = ?`).run(key);
    },
  };
}

function pgBoard(): Board {
  const pool = pgPool();
  return {
    read: async () =>
      (
        await pool.query<{ key: string; value: string }>(
          `SELECT key, value FROM "Setting" WHERE key LIKE $1`,
          [`${KEY_PREFIX}%`],
        )
      ).rows,
    write: async (key, value) => {
      await pool.query(
        `INSERT INTO "Setting" (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [key, value],
      );
    },
    remove: async (key) => {
      await pool.query(`DELETE FROM "Setting" WHERE key = $1`, [key]);
    },
  };
}

function state() {
  shared.sessionLabOutageBoard ??= {
    board:
      engineOf(env.DATABASE_URL) === "postgresql"
        ? pgBoard()
        : sqliteBoard(sqliteConnection(env.DATABASE_URL)),
    timer: null,
  };
  return shared.sessionLabOutageBoard;
}

interface Posted {
  until: number;
  reason: string;
}

function parse(value: string): Posted | null {
  try {
    const p = JSON.parse(value) as Posted;
    return typeof p.until === "number" && typeof p.reason === "string" ? p : null;
  } catch {
    return null;
  }
}

/** Copy the board into this process's gate (what the background poll runs). */
export async function syncOutages(): Promise<void> {
  const rows = await state().board.read();
  for (const kind of OUTAGE_KINDS) {
    const row = rows.find((r) => r.key === `${KEY_PREFIX}${kind}`);
    const posted = row ? parse(row.value) : null;
    if (posted && posted.until > Date.now()) applyBoardOutage(kind, posted.until, posted.reason);
    else clearBoardOutage(kind);
  }
}

/** Start copying the board into this process's gate (once per process; never keeps it alive). */
export function watchOutages(): void {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => void syncOutages().catch(() => {}), POLL_MS);
  s.timer.unref();
  void syncOutages().catch(() => {});
}

/** Make `kind` unreachable on every instance for `seconds` (this one at once, the others within ~0.5 s). */
export async function announceOutage(kind: StoreKind, seconds: number, reason: string): Promise<void> {
  const until = Date.now() + seconds * 1000;
  await state().board.write(`${KEY_PREFIX}${kind}`, JSON.stringify({ until, reason } satisfies Posted));
  applyBoardOutage(kind, until, reason);
}

/** End the outage of `kind` everywhere. */
export async function announceRecovery(kind: StoreKind): Promise<void> {
  await state().board.remove(`${KEY_PREFIX}${kind}`);
  endOutage(kind);
}

/** Seconds left of each store's outage, as this instance sees it. */
export function outageStatus(): Record<StoreKind, number> {
  return { database: outageLeft("database"), redis: outageLeft("redis") };
}
