import { COOKIES } from "@/lib/auth/cookies";
import { type RequestScope, scopeFrom } from "@/lib/auth/scope";
import type { Strategy } from "@/lib/auth/strategy";
import { CLIENT_IP_HEADER, PROTO_HEADER } from "@/lib/net/forwarding";

export interface ScopeInput {
  strategy?: Strategy;
  cookies?: Record<string, string>;
  secure?: boolean;
  ip?: string;
  userAgent?: string;
  bearer?: string;
}

/**
 * A request scope built the way the app builds one (scopeFrom over headers and a cookie jar), so
 * tests see the same strategy resolution and `secure` rules as a real request.
 */
export function testScope(o: ScopeInput = {}): RequestScope {
  const headers = new Headers({ "user-agent": o.userAgent ?? "UnitTest/1.0 (X11; Linux)" });
  headers.set(CLIENT_IP_HEADER, o.ip ?? "203.0.113.9");
  headers.set(PROTO_HEADER, o.secure ? "https" : "http");
  if (o.bearer) headers.set("authorization", `Bearer ${o.bearer}`);
  const jar = new Map(Object.entries(o.cookies ?? {}));
  if (o.strategy) jar.set(COOKIES.strategy.name(false), o.strategy);
  return scopeFrom(headers, jar);
}

/** The scope with the session cookie (plain http name) set to `value`. */
export function withSession(value: string, o: ScopeInput = {}): RequestScope {
  return testScope({ ...o, cookies: { ...o.cookies, [COOKIES.session.name(o.secure ?? false)]: value } });
}
