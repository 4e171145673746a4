import "server-only";
import { cookies, headers } from "next/headers";
import { env } from "@/lib/env";
import { resolveStrategy, STRATEGY_COOKIE, type Strategy } from "./strategy";

/**
 * What the auth config needs to know about the request being served. Route handlers and the
 * proxy hand Auth.js a Request; server components and actions have next/headers instead.
 */
export interface RequestContext {
  strategy: Strategy;
  cookies: Map<string, string>;
  userAgent: string | null;
  ip: string | null;
  secure: boolean;
}

export const REMEMBER_COOKIE = "session-lab.remember";

export function parseCookieHeader(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      jar.set(name, decodeURIComponent(raw));
    } catch {
      jar.set(name, raw); // a malformed escape is kept as sent, never a 500
    }
  }
  return jar;
}

function clientIp(h: Headers): string | null {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || h.get("x-real-ip")) ?? null;
}

export function contextFrom(h: Headers, jar: Map<string, string>): RequestContext {
  return {
    strategy: resolveStrategy(jar.get(STRATEGY_COOKIE), {
      fallback: env.AUTH_SESSION_STRATEGY,
      locked: env.AUTH_STRATEGY_LOCKED,
    }),
    cookies: jar,
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
    ip: clientIp(h)?.slice(0, 64) ?? null,
    // The first hop's protocol, as Auth.js reads it; config.ts pins useSecureCookies to this.
    secure: h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https",
  };
}

export async function requestContext(req?: Request): Promise<RequestContext> {
  if (req) return contextFrom(req.headers, parseCookieHeader(req.headers.get("cookie")));
  const [h, jar] = await Promise.all([headers(), cookies()]);
  return contextFrom(h, new Map(jar.getAll().map((c) => [c.name, c.value])));
}

/** Auth.js's session cookie name: `__Secure-` prefixed over HTTPS, where the browser enforces Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}
