import { databaseUrl } from "./engines";

// lib/env.ts validates process.env when first imported, so this runs before any test file. The
// vitest project (sqlite or postgresql) says which database this run's store tests use.
process.env.DATABASE_URL = databaseUrl(process.env.TEST_ENGINE === "postgresql" ? "postgresql" : "sqlite");
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
  "AUTH_COOKIE_CACHE_TTL",
  "AUTH_RATE_LIMIT_ACCOUNT",
  "AUTH_RATE_LIMIT_ADDRESS",
  "AUTH_RATE_LIMIT_MAGIC_LINK",
  "AUTH_RATE_LIMIT_WINDOW",
  "AUTH_HASH_CONCURRENCY",
  "AUTH_DENYLIST_WHEN_DOWN",
  "AUTH_TRUSTED_PROXIES",
  "AUTH_URL",
  "REDIS_URL",
]) {
  // The defaults are what the tests assume (8 h idle, 5 min update age, 7 days absolute, refresh
  // TTL = idle, 5 failed passwords per account, one hash at a time, deny-list closed when down…),
  // whatever the shell running the tests exports.
  delete process.env[name];
}
