import os from "node:os";
import path from "node:path";

/** The throwaway SQLite database the unit tests share; global-setup recreates it on every run. */
export const UNIT_DB_DIR = path.join(os.tmpdir(), "session-lab-unit");
export const UNIT_DB_FILE = path.join(UNIT_DB_DIR, "unit.db");
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
