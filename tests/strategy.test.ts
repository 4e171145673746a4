import { describe, expect, it } from "vitest";
import { isStrategy, nextAuthStrategy, resolveStrategy, STRATEGIES } from "@/lib/auth/strategy";

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

describe("nextAuthStrategy", () => {
  it("maps database to database and both JWT modes to jwt", () => {
    expect(nextAuthStrategy("database")).toBe("database");
    expect(nextAuthStrategy("jwt")).toBe("jwt");
    expect(nextAuthStrategy("jwt-refresh")).toBe("jwt");
  });
});

describe("isStrategy", () => {
  it("accepts exactly the three strategy names", () => {
    expect(STRATEGIES.filter((s) => isStrategy(s))).toHaveLength(3);
    for (const v of ["Database", "jwt_refresh", "", null, undefined, 1, {}, ["jwt"]]) {
      expect(isStrategy(v)).toBe(false);
    }
  });
});
