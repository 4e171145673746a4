import { UNIT_DB_FILE } from "./paths";

// lib/env.ts validates process.env when first imported, so this runs before any test file.
process.env.DATABASE_URL = `file:${UNIT_DB_FILE}`;
process.env.AUTH_SECRET = "unit-test-secret-unit-test-secret-0123456789";
process.env.AUTH_SESSION_STRATEGY = "database";
process.env.AUTH_STRATEGY_LOCKED = "0";
process.env.AUTH_ACCESS_TOKEN_TTL = "60";
process.env.AUTH_REFRESH_GRACE = "10";
for (const name of [
  "AUTH_SESSION_MAX_AGE",
  "AUTH_SESSION_UPDATE_AGE",
  "AUTH_ABSOLUTE_MAX_AGE",
  "AUTH_REFRESH_TOKEN_TTL",
]) {
  delete process.env[name]; // the defaults (8 h, 5 min, 7 days, 1 day) are what the tests assume
}
