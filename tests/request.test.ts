import { describe, expect, it } from "vitest";
import { contextFrom, parseCookieHeader, sessionCookieName } from "@/lib/auth/request";
import { STRATEGY_COOKIE } from "@/lib/auth/strategy";
import { env } from "@/lib/env";

describe("parseCookieHeader", () => {
  it("parses a normal header, trimming names and decoding values", () => {
    const jar = parseCookieHeader("a=1; b = two ;c=x%20y; d=with=equals");
    expect(jar.get("a")).toBe("1");
    expect(jar.get("b")).toBe("two");
    expect(jar.get("c")).toBe("x y");
    expect(jar.get("d")).toBe("with=equals");
    expect(jar.size).toBe(4);
  });

  it("keeps a value with a malformed % escape as sent instead of throwing", () => {
    const jar = parseCookieHeader("bad=%E0%A4%A; pct=100%; ok=1");
    expect(jar.get("bad")).toBe("%E0%A4%A");
    expect(jar.get("pct")).toBe("100%");
    expect(jar.get("ok")).toBe("1");
  });

  it("returns an empty jar for null, empty or nameless input", () => {
    expect(parseCookieHeader(null).size).toBe(0);
    expect(parseCookieHeader("").size).toBe(0);
    expect(parseCookieHeader("; ;=novalue; flag").size).toBe(0);
  });
});

describe("contextFrom", () => {
  const ctx = (headers: Record<string, string>, cookie = "") =>
    contextFrom(new Headers(headers), parseCookieHeader(cookie));

  it("takes the strategy from the cookie and falls back to the server default", () => {
    expect(env.AUTH_STRATEGY_LOCKED).toBe(false);
    expect(ctx({}, `${STRATEGY_COOKIE}=jwt`).strategy).toBe("jwt");
    expect(ctx({}, `${STRATEGY_COOKIE}=jwt-refresh`).strategy).toBe("jwt-refresh");
    expect(ctx({}, `${STRATEGY_COOKIE}=bogus`).strategy).toBe(env.AUTH_SESSION_STRATEGY);
    expect(ctx({}).strategy).toBe(env.AUTH_SESSION_STRATEGY);
  });

  it("exposes the parsed cookies", () => {
    expect(ctx({}, "authjs.session-token=abc").cookies.get("authjs.session-token")).toBe("abc");
  });

  it("uses the first x-forwarded-for address, then x-real-ip, else null", () => {
    expect(ctx({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1, 10.0.0.2" }).ip).toBe("203.0.113.7");
    expect(ctx({ "x-forwarded-for": "2001:db8::1" }).ip).toBe("2001:db8::1");
    expect(ctx({ "x-real-ip": "198.51.100.4" }).ip).toBe("198.51.100.4");
    expect(ctx({ "x-forwarded-for": "", "x-real-ip": "198.51.100.4" }).ip).toBe("198.51.100.4");
    expect(ctx({}).ip).toBeNull();
  });

  it("truncates the user agent to 512 characters", () => {
    expect(ctx({ "user-agent": "U".repeat(2000) }).userAgent).toHaveLength(512);
    expect(ctx({ "user-agent": "Mozilla/5.0" }).userAgent).toBe("Mozilla/5.0");
    expect(ctx({}).userAgent).toBeNull();
  });

  it("is secure only when the proxy says the request came over https", () => {
    expect(ctx({ "x-forwarded-proto": "https" }).secure).toBe(true);
    expect(ctx({ "x-forwarded-proto": "http" }).secure).toBe(false);
    expect(ctx({}).secure).toBe(false);
  });
});

describe("sessionCookieName", () => {
  it("uses the __Secure- prefix only over https", () => {
    expect(sessionCookieName(true)).toBe("__Secure-authjs.session-token");
    expect(sessionCookieName(false)).toBe("authjs.session-token");
  });
});
