import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

// Several checkouts (worktrees) of this repo share one machine and one os.tmpdir(): a short hash
// of the checkout's path keeps each checkout's throwaway database to itself, so parallel runs
// in different worktrees never delete or migrate each other's file.
const checkout = createHash("sha256").update(REPO_ROOT).digest("hex").slice(0, 12);

/** The throwaway SQLite database the unit tests share; global-setup recreates it on every run. */
export const UNIT_DB_DIR = path.join(os.tmpdir(), `session-lab-unit-${checkout}`);
export const UNIT_DB_FILE = path.join(UNIT_DB_DIR, "unit.db");

/** The throwaway PostgreSQL database of this checkout's unit run (dropped and re-created each run). */
export const UNIT_PG_DATABASE = `session_lab_unit_${checkout}`;
