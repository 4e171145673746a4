import "server-only";
import { now } from "@/lib/clock";
import { makeCache, readCache } from "../cookie-cache";
import { COOKIES, setCookieLine } from "../cookies";
import { duration, lifetimes } from "../lifetimes";
import { sha256 } from "../tokens";
import { step } from "../trace";
import { databaseStrategy, extendSessionRow, readSessionRow } from "./database";
import type { StrategyModule } from "./types";

export const cookieCacheStrategy: StrategyModule = {
  ...databaseStrategy,
  id: "cookie-cache",
  intro:
    "Database sessions with a cookie cache: a signed copy of the session rides in a second cookie and is trusted without a lookup until it is a few seconds old.",
  serverKeeps: "A session row per device, as in database mode; most requests never read it.",
  readsPerRequest: "none while the cache cookie is fresh; 1 lookup to refresh it",
  levers: {
    "sign-out":
      "Deletes the row, but a copy holding a fresh cache cookie keeps working until the cache expires.",
    "db-revoke":
      "Deletes the row: refused once the cache cookie the copy holds is older than the cache life.",
    admin: "The instructor deletes the rows: refused when the cache expires.",
  },
  lifetimeRules: (l) => [
    ...databaseStrategy.lifetimeRules(l),
    {
      name: "Cache life",
      seconds: l.cacheS,
      what: `the signed copy is trusted this long without a lookup: revocation can take up to ${duration(l.cacheS)}`,
    },
  ],
  extraCookies: ["cache"],
  async read(credential, scope) {
    const cached = scope.cookies.get(COOKIES.cache.name(scope.secure));
    const hash = await step("session.hash", () => sha256(credential));
    if (cached) {
      const at = Math.floor(now() / 1000);
      const hit = await step("cache.verify", () => readCache(cached, hash, at), {
        detail: (c) => (c ? "fresh: no lookup needed" : "stale or not for this session"),
      });
      if (hit) {
        const absoluteEnd = (hit.authTime + lifetimes().absoluteS) * 1000;
        return {
          status: "signed-in",
          strategy: "cookie-cache",
          via: scope.bearer ? "bearer" : "cookie",
          user: hit.user,
          expiresAt: Math.min(hit.sessionExpires * 1000, absoluteEnd),
          authTime: hit.authTime * 1000,
          persistent: hit.persistent,
          claims: null,
          keyId: null,
          record: null,
          cache: "hit",
        };
      }
    }
    const verdict = await readSessionRow(credential, scope.bearer ? "bearer" : "cookie", { hash });
    return verdict.status === "signed-in" ? { ...verdict, strategy: "cookie-cache", cache: "miss" } : verdict;
  },
  async renew(verdict, scope) {
    const extended = await extendSessionRow(verdict, scope);
    if (verdict.cache !== "miss" || !verdict.record) return extended;
    const l = lifetimes();
    const at = Math.floor(now() / 1000);
    const record = verdict.record;
    const value = makeCache(record.hash, {
      user: verdict.user,
      cacheExp: Math.min(at + l.cacheS, Math.floor(verdict.expiresAt / 1000)),
      authTime: Math.floor(record.authTime / 1000),
      sessionExpires: Math.floor(record.expires / 1000),
      persistent: record.persistent,
    });
    const line = setCookieLine(COOKIES.cache, value, { secure: scope.secure, persistent: record.persistent });
    return { setCookies: [...(extended?.setCookies ?? []), line] };
  },
};
