import { describe, expect, it } from "vitest";
import { applyRememberChoice, rememberCookieLine, stripPersistence } from "@/lib/auth/cookie-policy";
import { COOKIES } from "@/lib/auth/cookies";
import { parseCookieHeader } from "@/lib/auth/scope";

const EXPIRES = "Expires=Fri, 01 Jan 2038 00:00:00 GMT";
const session = (name = "authjs.session-token", value = "abc") =>
  `${name}=${value}; Path=/; ${EXPIRES}; Max-Age=28800; HttpOnly; SameSite=Lax`;

function headersWith(lines: string[]): Headers {
  const h = new Headers({ "content-type": "text/html" });
  for (const l of lines) h.append("set-cookie", l);
  return h;
}

describe("stripPersistence", () => {
  it("removes Expires and Max-Age and keeps every other attribute", () => {
    const out = stripPersistence(session());
    expect(out).not.toMatch(/expires|max-age/i);
    expect(out).toMatch(/^authjs\.session-token=abc;/);
    for (const attr of ["Path=/", "HttpOnly", "SameSite=Lax"]) expect(out).toContain(attr);
  });

  it("is case-insensitive about the attribute names and leaves a bare cookie alone", () => {
    expect(stripPersistence("a=b; expires=Fri, 01 Jan 2038 00:00:00 GMT; MAX-AGE=5; Secure")).toBe(
      "a=b; Secure",
    );
    expect(stripPersistence("a=b; Path=/")).toBe("a=b; Path=/");
  });
});

describe("applyRememberChoice", () => {
  it("remember=true leaves every header untouched", () => {
    const lines = [session(), "other=1; Path=/; Max-Age=60"];
    const h = headersWith(lines);
    applyRememberChoice(h, true);
    expect(h.getSetCookie()).toEqual(lines);
  });

  it("turns the session cookie, and each of its chunks, into a browser-session cookie", () => {
    const other = `authjs.csrf-token=x; Path=/; ${EXPIRES}`;
    const h = headersWith([
      session("authjs.session-token.0", "part0"),
      session("authjs.session-token.1", "part1"),
      session("__Secure-authjs.session-token", "sec"),
      other,
    ]);
    applyRememberChoice(h, false);
    const out = h.getSetCookie();
    expect(out).toHaveLength(4);
    for (const line of out.slice(0, 3)) expect(line).not.toMatch(/expires|max-age/i);
    expect(out[0]).toMatch(/^authjs\.session-token\.0=part0;/);
    expect(out[1]).toMatch(/^authjs\.session-token\.1=part1;/);
    expect(out[3]).toBe(other);
    expect(h.get("content-type")).toBe("text/html");
  });

  it("leaves clearing lines (Max-Age=0 or a 1970 Expires) alone so sign-out still deletes", () => {
    const clearMaxAge = "authjs.session-token=; Path=/; Max-Age=0; HttpOnly";
    const clearExpires = "authjs.session-token.1=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
    const h = headersWith([clearMaxAge, clearExpires, session("authjs.session-token.0", "new")]);
    applyRememberChoice(h, false);
    const out = h.getSetCookie();
    expect(out[0]).toBe(clearMaxAge);
    expect(out[1]).toBe(clearExpires);
    expect(out[2]).not.toMatch(/expires|max-age/i);
  });

  it("does nothing when no session cookie is being set", () => {
    const lines = ["authjs.callback-url=%2F; Path=/; Max-Age=60", "x-authjs.session-token=1; Max-Age=5"];
    const h = headersWith(lines);
    applyRememberChoice(h, false);
    expect(h.getSetCookie()).toEqual(lines);
  });
});

describe("rememberCookieLine", () => {
  it("records the choice in a cookie the request parser reads back", () => {
    for (const remember of [true, false]) {
      const line = rememberCookieLine(remember, false);
      const jar = parseCookieHeader(line.split(";")[0] ?? "");
      expect(jar.get(COOKIES.remember.name(false))).toBe(remember ? "1" : "0");
      expect(line).toContain("HttpOnly");
      expect(line).not.toContain("Secure");
    }
    expect(rememberCookieLine(true, true)).toMatch(/; Secure$/);
  });
});
