import { PIN_COOKIE } from "@/lib/net/forwarding";
import { lifetimes } from "./lifetimes";

/**
 * Every cookie this app sets, described once (in the spirit of Auth.js's `defaultCookies`). The
 * same entry names the cookie, gives the options it is set with, and explains it in the Browser
 * panel, so what the panel says cannot drift from what was sent.
 *
 * Over HTTPS, Auth.js's cookies take the `__Secure-` / `__Host-` prefixes (the browser then
 * refuses them without Secure, and `__Host-` also pins them to this exact host); the lab's own
 * cookies keep their names and gain the Secure attribute.
 */
export type CookieId =
  | "session"
  | "csrf"
  | "callbackUrl"
  | "refresh"
  | "cache"
  | "remember"
  | "strategy"
  | "bench"
  | "pin"
  | "participant"
  | "theme";

export interface CookieSpec {
  id: CookieId;
  name: (secure: boolean) => string;
  httpOnly: boolean;
  setBy: "Auth.js" | "Session Lab";
  /** Seconds the browser keeps it; null: a session cookie (no Expires), gone when the browser closes. */
  maxAge: (persistent: boolean) => number | null;
  purpose: string;
}

const YEAR = 365 * 86400;

export const COOKIES: Record<CookieId, CookieSpec> = {
  session: {
    id: "session",
    name: (secure) => (secure ? "__Secure-authjs.session-token" : "authjs.session-token"),
    httpOnly: true,
    setBy: "Auth.js",
    maxAge: (persistent) => (persistent ? lifetimes().idleS : null),
    purpose: "The session credential: an opaque id or an encrypted JWT, depending on the mode",
  },
  csrf: {
    id: "csrf",
    name: (secure) => (secure ? "__Host-authjs.csrf-token" : "authjs.csrf-token"),
    httpOnly: true,
    setBy: "Auth.js",
    maxAge: () => null,
    purpose: "Double-submit CSRF token for Auth.js's POST endpoints",
  },
  callbackUrl: {
    id: "callbackUrl",
    name: (secure) => (secure ? "__Secure-authjs.callback-url" : "authjs.callback-url"),
    httpOnly: true,
    setBy: "Auth.js",
    maxAge: () => null,
    purpose: "Where to go after sign-in",
  },
  refresh: {
    id: "refresh",
    name: () => "session-lab.refresh-token",
    httpOnly: true,
    setBy: "Session Lab",
    maxAge: (persistent) => (persistent ? lifetimes().refreshS : null),
    purpose: "Refresh token (rotated on every use; only its hash is stored)",
  },
  cache: {
    id: "cache",
    name: () => "session-lab.session-cache",
    httpOnly: true,
    setBy: "Session Lab",
    maxAge: (persistent) => (persistent ? lifetimes().cacheS : null),
    purpose: "Signed copy of the session, trusted without a lookup until it is a few seconds old",
  },
  remember: {
    id: "remember",
    name: () => "session-lab.remember",
    httpOnly: true,
    setBy: "Session Lab",
    maxAge: () => null,
    purpose: "Your “remember me” choice",
  },
  strategy: {
    id: "strategy",
    name: () => "auth-strategy",
    httpOnly: false,
    setBy: "Session Lab",
    maxAge: () => YEAR,
    purpose: "Your strategy choice (not a secret, so scripts may read it)",
  },
  bench: {
    id: "bench",
    name: () => "session-lab.bench",
    httpOnly: true,
    setBy: "Session Lab",
    maxAge: () => 30 * 86400,
    purpose: "This browser's lab bench (owns your stolen copies and your mail)",
  },
  participant: {
    id: "participant",
    name: () => "session-lab.participant",
    httpOnly: true,
    setBy: "Session Lab",
    maxAge: () => 7 * 86400,
    purpose:
      "Workshop mode: this device's participant key (the server keeps only its SHA-256); signs you in again after you sign out",
  },
  pin: {
    id: "pin",
    name: () => PIN_COOKIE,
    httpOnly: false,
    setBy: "Session Lab",
    maxAge: () => null,
    purpose: "Pins your requests to one app instance (cluster mode only)",
  },
  theme: {
    id: "theme",
    name: () => "session-lab.theme",
    // Set by the theme toggle's script (features/labs/theme-toggle.tsx); not a secret.
    httpOnly: false,
    setBy: "Session Lab",
    maxAge: () => YEAR,
    purpose: "Your light or dark theme choice (absent: follow the system's)",
  },
};

export interface CookieOptions {
  httpOnly: boolean;
  sameSite: "lax";
  path: "/";
  secure: boolean;
  maxAge?: number;
}

/** The options a cookie is set with: one answer for Set-Cookie lines, `cookies().set` and Auth.js. */
export function cookieOptions(spec: CookieSpec, o: { secure: boolean; persistent?: boolean }): CookieOptions {
  const maxAge = spec.maxAge(o.persistent ?? true);
  return {
    httpOnly: spec.httpOnly,
    sameSite: "lax",
    path: "/",
    secure: o.secure,
    ...(maxAge === null ? {} : { maxAge }),
  };
}

/** A Set-Cookie header line for `spec`; `value: null` clears it. */
export function setCookieLine(
  spec: CookieSpec,
  value: string | null,
  o: { secure: boolean; persistent?: boolean },
): string {
  const opts = cookieOptions(spec, o);
  const parts = [`${spec.name(o.secure)}=${value ?? ""}`, "Path=/", "SameSite=Lax"];
  if (opts.httpOnly) parts.push("HttpOnly");
  if (opts.secure) parts.push("Secure");
  if (value === null) parts.push("Max-Age=0");
  else if (opts.maxAge !== undefined) parts.push(`Max-Age=${opts.maxAge}`);
  return parts.join("; ");
}

/** Auth.js splits a session cookie over 3,936 characters into .0, .1, ... chunks. */
export function baseCookieName(name: string): string {
  return name.replace(/\.\d+$/, "");
}

/** Which of our cookies a name (possibly a chunk, over http or https) belongs to. */
export function specOf(name: string): { spec: CookieSpec; secure: boolean } | null {
  const base = baseCookieName(name);
  for (const spec of Object.values(COOKIES)) {
    if (spec.name(false) === base) return { spec, secure: false };
    if (spec.name(true) === base) return { spec, secure: true };
  }
  return null;
}

/** Auth.js's `cookies` option, built from the same table so Auth.js sets exactly what the panel shows. */
export function authJsCookies(secure: boolean) {
  // No maxAge: Auth.js computes each cookie's Expires itself (the session's expiry).
  const entry = (spec: CookieSpec) => {
    const { maxAge: _, ...options } = cookieOptions(spec, { secure });
    return { name: spec.name(secure), options };
  };
  return {
    sessionToken: entry(COOKIES.session),
    csrfToken: entry(COOKIES.csrf),
    callbackUrl: entry(COOKIES.callbackUrl),
  };
}
