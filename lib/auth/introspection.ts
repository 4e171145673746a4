import "server-only";
import { now, wallClock } from "@/lib/clock";
import { env } from "@/lib/env";
import { StoreUnavailableError } from "@/lib/store/gate";
import { checkDenyList, denyListEnforced } from "./deny-list";
import { readSession } from "./read";
import type { RequestScope } from "./scope";
import type { SignedIn, Verdict } from "./strategies/types";

/**
 * Token introspection (RFC 7662) for services that cannot judge a credential themselves: an
 * opaque session id means nothing outside this app's database, and a session JWE is encrypted
 * with this app's secret. So the service asks, on every request, and the app answers with its
 * own read path: the same rules, the same stores, and so the same instant revocation.
 */
export type Introspection =
  | { kind: "active"; answer: ActiveAnswer }
  | { kind: "inactive" }
  | { kind: "unavailable"; reason: string };

/** RFC 7662 section 2.2's fields, plus two of the lab's own (extensions are allowed). */
export interface ActiveAnswer {
  active: true;
  sub: string;
  username: string;
  /** Epoch seconds on the wall clock, like every JWT time a service compares with its own clock. */
  exp: number;
  iat: number;
  token_type: "Bearer";
  session_mode: SignedIn["strategy"];
  role: string;
}

/** What a bearer token may look like (the read path's own limit); anything else is not ours. */
const TOKEN_SHAPE = /^[A-Za-z0-9._~+/=-]{1,8192}$/;

function bearerScope(token: string, secure: boolean): RequestScope {
  return {
    strategy: env.AUTH_SESSION_STRATEGY,
    cookies: new Map(),
    bearer: token,
    userAgent: null,
    ip: null,
    secure,
    prefetch: false,
  };
}

/** A JWE's key depends on the cookie name it was made for (http or https): try the other on a key miss. */
async function judge(token: string): Promise<Verdict> {
  const first = await readSession(bearerScope(token, false));
  const jwe = token.split(".").length === 5;
  if (jwe && first.status === "signed-out" && (first.limit === "key" || first.limit === "tampered"))
    return readSession(bearerScope(token, true));
  return first;
}

/**
 * A JWT verdict must also pass the deny-list. Introspection is a server lookup anyway, so (like
 * a refresh) it consults the deny-list whatever the server-wide switch says; and a deny-list it
 * cannot consult is "unavailable", never "active", even where AUTH_DENYLIST_WHEN_DOWN=open.
 */
async function denyListAllows(v: SignedIn): Promise<Introspection | null> {
  if (!v.claims) return null;
  if (denyListEnforced() && !v.note) return null; // the read path checked it already
  const d = await checkDenyList({ sid: v.claims.sid, sub: v.claims.sub, authTime: v.claims.authTime });
  if (d.denied && d.unavailable) return { kind: "unavailable", reason: d.reason };
  if (d.denied) return { kind: "inactive" };
  if (d.unchecked) return { kind: "unavailable", reason: d.unchecked };
  return null;
}

export async function introspect(token: string): Promise<Introspection> {
  if (!TOKEN_SHAPE.test(token)) return { kind: "inactive" };
  try {
    const verdict = await judge(token);
    if (verdict.status === "unavailable") return { kind: "unavailable", reason: verdict.reason };
    if (verdict.status !== "signed-in") return { kind: "inactive" };
    const refused = await denyListAllows(verdict);
    if (refused) return refused;
    // The verdict's times are on the auth clock (it may be ahead); services compare with real time.
    const toWall = (authMs: number) => Math.floor((authMs - now() + wallClock.now()) / 1000);
    return {
      kind: "active",
      answer: {
        active: true,
        sub: verdict.user.id,
        username: verdict.user.email,
        exp: toWall(verdict.expiresAt),
        iat: toWall(verdict.claims ? verdict.claims.iat * 1000 : verdict.authTime),
        token_type: "Bearer",
        session_mode: verdict.strategy,
        role: verdict.user.role,
      },
    };
  } catch (error) {
    if (error instanceof StoreUnavailableError) return { kind: "unavailable", reason: error.message };
    throw error;
  }
}
