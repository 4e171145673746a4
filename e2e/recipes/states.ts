import path from "node:path";
import type { Strategy } from "../fixtures";
import { REPO_ROOT } from "../support/env";

/**
 * Saved browser states, one per role × strategy, made once by auth.setup.ts and reused by every
 * recipe test: signing in is done once per run, not once per test.
 */
export const ROLES = ["user", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const STATE_STRATEGIES = ["database", "jwt"] as const satisfies readonly Strategy[];

const STATE_DIR = path.join(REPO_ROOT, "playwright", ".auth");

export const statePath = (role: Role, strategy: Strategy) => path.join(STATE_DIR, `${role}-${strategy}.json`);
export const whoPath = (role: Role, strategy: Strategy) =>
  path.join(STATE_DIR, `${role}-${strategy}.who.json`);
