import { describe, expect, it } from "vitest";
import { COOKIES } from "@/lib/auth/cookies";
import { parseCookieHeader, scopeFrom, sessionCredential, wantsPersistence } from "@/lib/auth/scope";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER } from "@/lib/net/forwarding";

const STRATEGY = COOKIES.strategy.name(false);

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

  it("keeps the first of two cookies with one name, as Auth.js's parser does", () => {
    // Browsers send the most specific path first; a planted `Path=/api` copy must not win.
    const jar = parseCookieHeader("authjs.session-token=mine; authjs.session-token=planted");
    expect(jar.get("authjs.session-token")).toBe("mine");
    expect(jar.size).toBe(1);
  });
});

describe("scopeFrom", () => {
  const scope = (headers: Record<string, string>, cookie = "", url?: string) =>
    scopeFrom(new Headers(headers), parseCookieHeader(cookie), url);

  it("takes the strategy from the cookie and falls back to the server default", () => {
    expect(env.AUTH_STRATEGY_LOCKED).toBe(false);
    expect(scope({}, `${STRATEGY}=jwt`).strategy).toBe("jwt");
    expect(scope({}, `${STRATEGY}=jwt-refresh`).strategy).toBe("jwt-refresh");
    expect(scope({}, `${STRATEGY}=cookie-cache`).strategy).toBe("cookie-cache");
    expect(scope({}, `${STRATEGY}=bogus`).strategy).toBe(env.AUTH_SESSION_STRATEGY);
    expect(scope({}).strategy).toBe(env.AUTH_SESSION_STRATEGY);
  });

  it("exposes the parsed cookies", () => {
    expect(scope({}, "authjs.session-token=abc").cookies.get("authjs.session-token")).toBe("abc");
  });

  it("believes only the address the app's server established, never a client's forwarding header", () => {
    expect(scope({ [CLIENT_IP_HEADER]: "203.0.113.7" }).ip).toBe("203.0.113.7");
    expect(scope({ "x-forwarded-for": "198.51.100.4" }).ip).toBeNull();
    expect(scope({ "x-real-ip": "198.51.100.4" }).ip).toBeNull();
    expect(scope({ [CLIENT_IP_HEADER]: "" }).ip).toBeNull();
    expect(scope({ [CLIENT_IP_HEADER]: "1".repeat(200) }).ip).toHaveLength(64);
  });

  it("truncates the user agent to 512 characters", () => {
    expect(scope({ "user-agent": "U".repeat(2000) }).userAgent).toHaveLength(512);
    expect(scope({ "user-agent": "Mozilla/5.0" }).userAgent).toBe("Mozilla/5.0");
    expect(scope({}).userAgent).toBeNull();
  });

  it("is secure when the server says the request came over https (or the URL is https)", () => {
    expect(scope({ "x-forwarded-proto": "https" }).secure).toBe(true);
    expect(scope({ "x-forwarded-proto": "http" }, "", "https://lab.test/").secure).toBe(false);
    expect(scope({}, "", "https://lab.test/").secure).toBe(true);
    expect(scope({}).secure).toBe(false);
  });

  it("reads a bearer token and marks prefetches", () => {
    expect(scope({ authorization: "Bearer abc.def" }).bearer).toBe("abc.def");
    expect(scope({ authorization: "Basic abc" }).bearer).toBeNull();
    expect(scope({ "next-router-prefetch": "1" }).prefetch).toBe(true);
    expect(scope({ "sec-purpose": "prefetch;prerender" }).prefetch).toBe(true);
    expect(scope({}).prefetch).toBe(false);
  });
});

describe("session cookie", () => {
  it("uses the __Secure- prefix only over https", () => {
    expect(COOKIES.session.name(true)).toBe("__Secure-authjs.session-token");
    expect(COOKIES.session.name(false)).toBe("authjs.session-token");
  });

  it("joins Auth.js's chunks (.0, .1, …) in numeric order", () => {
    const s = scopeFrom(
      new Headers(),
      parseCookieHeader("authjs.session-token.10=K; authjs.session-token.2=C; authjs.session-token.0=A"),
    );
    expect(sessionCredential(s)).toBe("ACK");
  });

  it("treats a missing remember cookie as remember me, and 0 as don't", () => {
    expect(wantsPersistence(scopeFrom(new Headers(), new Map()))).toBe(true);
    const no = scopeFrom(new Headers(), new Map([[COOKIES.remember.name(false), "0"]]));
    expect(wantsPersistence(no)).toBe(false);
  });
});
