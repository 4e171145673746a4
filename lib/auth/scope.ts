import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER, PROTO_HEADER } from "@/lib/net/forwarding";
import { COOKIES } from "./cookies";
import { resolveStrategy, type Strategy } from "./strategy";

/**
 * What the auth code needs to know about the request being served, read once. Route handlers and
 * the proxy have a Request; server components and actions have next/headers instead.
 */
export interface RequestScope {
  strategy: Strategy;
  cookies: Map<string, string>;
  /** `Authorization: Bearer …`, for clients without cookies (the CLI, the orders service). */
  bearer: string | null;
  userAgent: string | null;
  /** The client address as the app's server established it (never a header the client chose). */
  ip: string | null;
  secure: boolean;
  /** A prefetch (Next's router, or the browser's speculation): never re-issue credentials on one. */
  prefetch: boolean;
}

export function parseCookieHeader(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  if (!header) return jar;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (jar.has(name)) continue; // the first (most specific path) wins, as browsers order them
    try {
      jar.set(name, raw.includes("%") ? decodeURIComponent(raw) : raw);
    } catch {
      jar.set(name, raw); // a malformed escape is kept as sent, never a 500
    }
  }
  return jar;
}

function bearerOf(h: Headers): string | null {
  const value = h.get("authorization");
  const match = value ? /^Bearer\s+([A-Za-z0-9._~+/=-]{1,8192})\s*$/i.exec(value) : null;
  return match?.[1] ?? null;
}

export function scopeFrom(h: Headers, jar: Map<string, string>, url?: string): RequestScope {
  const proto = h.get(PROTO_HEADER);
  return {
    strategy: resolveStrategy(jar.get(COOKIES.strategy.name(false)), {
      fallback: env.AUTH_SESSION_STRATEGY,
      locked: env.AUTH_STRATEGY_LOCKED,
    }),
    cookies: jar,
    bearer: bearerOf(h),
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
    ip: h.get(CLIENT_IP_HEADER)?.slice(0, 64) || null,
    secure: proto ? proto === "https" : url?.startsWith("https:") === true,
    prefetch:
      h.has("next-router-prefetch") ||
      h.get("purpose") === "prefetch" ||
      (h.get("sec-purpose") ?? "").includes("prefetch"),
  };
}

export function scopeOfRequest(req: Request): RequestScope {
  return scopeFrom(req.headers, parseCookieHeader(req.headers.get("cookie")), req.url);
}

/** The scope of the request a server component or action is serving (cached per request). */
export const requestScope = cache(async (): Promise<RequestScope> => {
  const [h, jar] = await Promise.all([headers(), cookies()]);
  return scopeFrom(h, new Map(jar.getAll().map((c) => [c.name, c.value])));
});

/** The session credential: the whole cookie, or Auth.js's chunks (.0, .1, ...) joined in order. */
export function sessionCredential(scope: RequestScope): string | null {
  const name = COOKIES.session.name(scope.secure);
  const whole = scope.cookies.get(name);
  if (whole) return whole;
  const chunks = [...scope.cookies]
    .filter(([n]) => n.startsWith(`${name}.`) && /^\d+$/.test(n.slice(name.length + 1)))
    .sort(([a], [b]) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)));
  return chunks.length ? chunks.map(([, v]) => v).join("") : null;
}

/** "Remember me": the companion cookie, absent meaning yes (Auth.js's default). */
export function wantsPersistence(scope: RequestScope): boolean {
  return scope.cookies.get(COOKIES.remember.name(false)) !== "0";
}
