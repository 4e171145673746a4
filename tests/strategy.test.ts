import { describe, expect, it } from "vitest";
import { STRATEGY_MODULES } from "@/lib/auth/strategies";
import { isStrategy, resolveStrategy, STRATEGIES, STRATEGY_LABELS } from "@/lib/auth/strategy";

describe("resolveStrategy", () => {
  const open = { fallback: "database" as const, locked: false };

  it("honours a valid cookie on an unlocked server", () => {
    for (const s of STRATEGIES) expect(resolveStrategy(s, open)).toBe(s);
    expect(resolveStrategy("jwt", { fallback: "jwt-refresh", locked: false })).toBe("jwt");
  });

  it("falls back to the server default for missing, unknown or malformed values", () => {
    for (const bad of [undefined, "", "JWT", " jwt", "jwt ", "session", "database;jwt", "jwt-refresh2"]) {
      expect(resolveStrategy(bad, open)).toBe("database");
      expect(resolveStrategy(bad, { fallback: "jwt", locked: false })).toBe("jwt");
    }
  });

  it("ignores the cookie when the server is locked", () => {
    expect(resolveStrategy("jwt", { fallback: "database", locked: true })).toBe("database");
    expect(resolveStrategy("database", { fallback: "jwt-refresh", locked: true })).toBe("jwt-refresh");
    expect(resolveStrategy(undefined, { fallback: "jwt", locked: true })).toBe("jwt");
  });
});

describe("each mode's module tells Auth.js which session strategy to run", () => {
  it("database modes use database sessions, both JWT modes use jwt", () => {
    expect(STRATEGY_MODULES.database.nextAuth).toBe("database");
    expect(STRATEGY_MODULES["cookie-cache"].nextAuth).toBe("database");
    expect(STRATEGY_MODULES.jwt.nextAuth).toBe("jwt");
    expect(STRATEGY_MODULES["jwt-refresh"].nextAuth).toBe("jwt");
  });

  it("the table holds exactly one module per mode, under its own id", () => {
    expect(Object.keys(STRATEGY_MODULES).sort()).toEqual([...STRATEGIES].sort());
    for (const s of STRATEGIES) expect(STRATEGY_MODULES[s].id).toBe(s);
  });
});

describe("isStrategy / STRATEGY_LABELS", () => {
  it("accepts exactly the four strategy names", () => {
    expect(STRATEGIES).toEqual(["database", "jwt", "jwt-refresh", "cookie-cache"]);
    expect(STRATEGIES.filter((s) => isStrategy(s))).toHaveLength(4);
    for (const v of ["Database", "jwt_refresh", "cookie_cache", "", null, undefined, 1, {}, ["jwt"]]) {
      expect(isStrategy(v)).toBe(false);
    }
  });

  it("names every mode for people, no two alike", () => {
    const labels = STRATEGIES.map((s) => STRATEGY_LABELS[s]);
    expect(labels.every((l) => l.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(STRATEGIES.length);
  });
});
