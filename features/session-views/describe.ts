import "server-only";
import { device } from "@/features/ui/device";
import { type CookieSpec, specOf } from "@/lib/auth/cookies";
import { abbreviate, byteLength, decodeHeader, tokenParts } from "@/lib/auth/inspect";
import { type RequestScope, sessionCredential, wantsPersistence } from "@/lib/auth/scope";
import type { AuthState } from "@/lib/auth/state";
import { sha256, tokenEntropyBits } from "@/lib/auth/tokens";
import { now } from "@/lib/clock";
import { listSessions } from "@/lib/sessions";

/**
 * Display objects for the "where does the state live" views: ready to render, no secrets. Cookie
 * facts come from the one cookie table (lib/auth/cookies.ts) that also sets them, so the Browser
 * panel cannot describe a cookie differently from how it was sent.
 */
export type CookieLifetime =
  | { kind: "session" }
  | { kind: "persistent"; maxAgeS: number; until: Date | null };

export interface CookieFacts {
  httpOnly: boolean;
  secure: boolean;
  sameSite: "Lax";
  path: "/";
  lifetime: CookieLifetime;
  purpose: string;
  setBy: CookieSpec["setBy"];
}

export interface CookieRow {
  name: string;
  bytes: number;
  preview: string;
  facts: CookieFacts | null;
}

/** The attributes the server set, which the browser never sends back: we know them because we set them. */
function factsFor(name: string, scope: RequestScope, sessionEnds: Date | null): CookieFacts | null {
  const found = specOf(name);
  if (!found) return null;
  const { spec } = found;
  const persistent = wantsPersistence(scope);
  const maxAge = spec.maxAge(persistent);
  const lifetime: CookieLifetime =
    maxAge === null
      ? { kind: "session" }
      : { kind: "persistent", maxAgeS: maxAge, until: spec.id === "session" ? sessionEnds : null };
  return {
    httpOnly: spec.httpOnly,
    secure: scope.secure,
    sameSite: "Lax",
    path: "/",
    lifetime,
    purpose: spec.purpose,
    setBy: spec.setBy,
  };
}

export function browserCookies(scope: RequestScope, sessionEnds: Date | null): CookieRow[] {
  return [...scope.cookies].map(([name, value]) => ({
    name,
    bytes: byteLength(name) + 1 + byteLength(value),
    preview: abbreviate(value, 8) || "(empty)",
    facts: factsFor(name, scope, sessionEnds),
  }));
}

export async function sessionRows(userId: string, scope: RequestScope) {
  const current = sessionCredential(scope);
  const currentHash = current ? sha256(current) : null;
  const rows = await listSessions(userId);
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
  const raw = sessionCredential(state.scope);
  if (!raw) return null;
  const verdict = state.verdict.status === "signed-in" ? state.verdict : null;
  return {
    raw,
    bytes: byteLength(raw),
    parts: tokenParts(raw),
    header: decodeHeader(raw),
    claims: verdict?.claims ?? null,
    keyId: verdict?.keyId ?? null,
    entropyBits: tokenEntropyBits(raw),
    storedHash: sha256(raw),
    now: now(),
  };
}
