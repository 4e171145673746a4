import { describe, expect, it } from "vitest";
import { browserCookies } from "@/features/session-views/describe";
import { authJsCookies, COOKIES, type CookieId, cookieOptions, setCookieLine } from "@/lib/auth/cookies";
import { lifetimes } from "@/lib/auth/lifetimes";
import { testScope } from "./support/scope";

/**
 * One table describes each cookie, and the same entry both sets it and explains it in the Browser
 * panel. Defect fixed: the panel called the bench cookie and a remembered refresh cookie "session
 * cookies" (gone when the browser closes) while the server had sent them with a Max-Age.
 */
const name = (id: CookieId) => COOKIES[id].name(false);

function lifetimesShown(remember: "1" | "0" | null) {
  const cookies: Record<string, string> = {
    [name("session")]: "opaque",
    [name("refresh")]: "refresh-token",
    [name("cache")]: "cache.mac",
    [name("bench")]: "bench-id-0123456789abcd",
    [name("strategy")]: "jwt-refresh",
    ...(remember ? { [name("remember")]: remember } : {}),
  };
  const rows = browserCookies(testScope({ cookies }), null);
  return Object.fromEntries(rows.map((r) => [r.name, r.facts?.lifetime]));
}

describe("the Browser panel describes each cookie as it was sent", () => {
  it("the bench cookie and a remembered refresh or cache cookie are persistent, not session cookies", () => {
    for (const remember of [null, "1"] as const) {
      const shown = lifetimesShown(remember);
      expect(shown[name("bench")]).toMatchObject({ kind: "persistent", maxAgeS: 30 * 86400 });
      expect(shown[name("refresh")]).toMatchObject({ kind: "persistent", maxAgeS: lifetimes().refreshS });
      expect(shown[name("cache")]).toMatchObject({ kind: "persistent", maxAgeS: lifetimes().cacheS });
      expect(shown[name("session")]).toMatchObject({ kind: "persistent", maxAgeS: lifetimes().idleS });
    }
  });

  it("the remember cookie itself is a session cookie; not remembering makes the credentials session cookies", () => {
    const shown = lifetimesShown("0");
    expect(shown[name("remember")]).toEqual({ kind: "session" });
    for (const id of ["session", "refresh", "cache"] as const)
      expect(shown[name(id)]).toEqual({ kind: "session" });
    expect(shown[name("bench")]).toMatchObject({ kind: "persistent" }); // the bench outlives sign-outs
  });

  it("what the panel says matches the options the cookie is set with", () => {
    for (const remember of ["1", "0"] as const) {
      const scope = testScope({
        cookies: Object.fromEntries(Object.keys(COOKIES).map((id) => [name(id as CookieId), "v"])),
      });
      scope.cookies.set(name("remember"), remember);
      for (const row of browserCookies(scope, null)) {
        const spec = Object.values(COOKIES).find((s) => s.name(false) === row.name);
        if (!spec || !row.facts) throw new Error(`no description for ${row.name}`);
        const opts = cookieOptions(spec, { secure: false, persistent: remember === "1" });
        expect(row.facts.httpOnly, row.name).toBe(opts.httpOnly);
        const maxAge = row.facts.lifetime.kind === "persistent" ? row.facts.lifetime.maxAgeS : undefined;
        expect(maxAge, row.name).toBe(opts.maxAge);
      }
    }
  });
});

describe("setCookieLine says what cookieOptions says", () => {
  const cases = Object.values(COOKIES).flatMap((spec) =>
    [true, false].flatMap((secure) => [true, false].map((persistent) => ({ spec, secure, persistent }))),
  );

  it.each(cases.map((c) => [`${c.spec.id} secure=${c.secure} persistent=${c.persistent}`, c] as const))(
    "%s",
    (_label, { spec, secure, persistent }) => {
      const opts = cookieOptions(spec, { secure, persistent });
      const [pair, ...attrs] = setCookieLine(spec, "value", { secure, persistent }).split("; ");
      expect(pair).toBe(`${spec.name(secure)}=value`);
      expect(attrs).toContain("Path=/");
      expect(attrs).toContain("SameSite=Lax");
      expect(attrs.includes("HttpOnly")).toBe(opts.httpOnly);
      expect(attrs.includes("Secure")).toBe(secure);
      const maxAge = attrs.find((a) => a.startsWith("Max-Age="));
      expect(maxAge).toBe(opts.maxAge === undefined ? undefined : `Max-Age=${opts.maxAge}`);
    },
  );

  it("clearing a cookie sends Max-Age=0, with the same name, path and Secure flag", () => {
    const line = setCookieLine(COOKIES.refresh, null, { secure: true });
    expect(line).toBe("session-lab.refresh-token=; Path=/; SameSite=Lax; HttpOnly; Secure; Max-Age=0");
  });

  it("Auth.js gets the same names and flags from the table (and computes its own expiry)", () => {
    for (const secure of [true, false]) {
      const ours = authJsCookies(secure);
      expect(ours.sessionToken.name).toBe(COOKIES.session.name(secure));
      expect(ours.csrfToken.name).toBe(secure ? "__Host-authjs.csrf-token" : "authjs.csrf-token");
      expect(ours.sessionToken.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure });
    }
  });
});
