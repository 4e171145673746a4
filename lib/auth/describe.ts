import "server-only";
import { UAParser } from "ua-parser-js";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { LAB_ID_COOKIE } from "@/lib/revocation/lab-id";
import {
  abbreviate,
  baseCookieName,
  byteLength,
  type CookieFacts,
  decodeHeader,
  tokenParts,
} from "./inspect";
import { REFRESH_COOKIE } from "./refresh";
import { REMEMBER_COOKIE, type RequestContext, sessionCookieName } from "./request";
import { type AuthState, claimsOf } from "./state";
import { STRATEGY_COOKIE } from "./strategy";

import { sha256, tokenEntropyBits } from "./tokens";

/** Data-transfer objects for the "where does the state live" views: display-ready, no secrets. */
export interface CookieRow {
  name: string;
  bytes: number;
  preview: string;
  facts: CookieFacts | null;
}

export function device(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const { browser, os } = UAParser(userAgent);
  const b = [browser.name, browser.major].filter(Boolean).join(" ");
  return [b || "Unknown browser", os.name].filter(Boolean).join(" on ");
}

export function persistentChoice(ctx: RequestContext): boolean {
  return ctx.cookies.get(REMEMBER_COOKIE) !== "0";
}

/** The attributes the server set, which the browser never sends back: we know them because we set them. */
function factsFor(name: string, ctx: RequestContext, sessionExpires: Date | null): CookieFacts | null {
  const base = baseCookieName(name);
  const lax = { sameSite: "Lax" as const, path: "/", secure: ctx.secure };
  if (base === sessionCookieName(ctx.secure)) {
    return {
      ...lax,
      httpOnly: true,
      expires: persistentChoice(ctx) ? sessionExpires : null,
      purpose: "The session credential (Auth.js)",
    };
  }
  switch (base) {
    case REFRESH_COOKIE:
      return { ...lax, httpOnly: true, expires: null, purpose: "Refresh token (rotated on every use)" };
    case "authjs.csrf-token":
    case "__Host-authjs.csrf-token":
      return {
        ...lax,
        httpOnly: true,
        expires: null,
        purpose: "Double-submit CSRF token for Auth.js's POST endpoints",
      };
    case "authjs.callback-url":
    case "__Secure-authjs.callback-url":
      return { ...lax, httpOnly: true, expires: null, purpose: "Where to go after sign-in" };
    case STRATEGY_COOKIE:
      return {
        ...lax,
        httpOnly: false,
        expires: new Date(Date.now() + 365 * 86400_000),
        purpose: "Your strategy choice (not a secret)",
      };
    case LAB_ID_COOKIE:
      return {
        ...lax,
        httpOnly: true,
        expires: null,
        purpose: "This browser's lab bench (owns your stolen copies)",
      };
    case REMEMBER_COOKIE:
      return { ...lax, httpOnly: true, expires: null, purpose: "Your “remember me” choice" };
    default:
      return null;
  }
}

export function browserCookies(ctx: RequestContext, sessionExpires: Date | null): CookieRow[] {
  return [...ctx.cookies].map(([name, value]) => ({
    name,
    bytes: byteLength(name) + 1 + byteLength(value),
    preview: abbreviate(value, 8) || "(empty)",
    facts: factsFor(name, ctx, sessionExpires),
  }));
}

export function sessionCookieValue(ctx: RequestContext): string | null {
  const name = sessionCookieName(ctx.secure);
  const whole = ctx.cookies.get(name);
  if (whole) return whole;
  const chunks = [...ctx.cookies]
    .filter(([n]) => n.startsWith(`${name}.`))
    .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }));
  return chunks.length ? chunks.map(([, v]) => v).join("") : null;
}

export async function sessionRows(userId: string, ctx: RequestContext) {
  const current = sessionCookieValue(ctx);
  const currentHash = current ? sha256(current) : null;
  const rows = await db.session.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => ({
    hash: r.sessionToken,
    current: r.sessionToken === currentHash,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    expires: r.expires,
    authTime: r.authTime,
    persistent: r.persistent,
    device: device(r.userAgent),
    ip: r.ip,
  }));
}

export function tokenDetails(state: AuthState) {
  const raw = sessionCookieValue(state.ctx);
  if (!raw) return null;
  const claims = state.trace.facts.claims ? claimsOf(state) : null;
  return {
    raw,
    bytes: byteLength(raw),
    parts: tokenParts(raw),
    header: decodeHeader(raw),
    claims,
    keyId: state.trace.facts.keyId ?? null,
    entropyBits: tokenEntropyBits(raw),
    storedHash: sha256(raw),
    now: now(),
  };
}
