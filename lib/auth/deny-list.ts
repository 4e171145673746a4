import "server-only";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { setSetting, setting } from "@/lib/settings";
import { stores } from "@/lib/store";
import type { DenyEntry } from "@/lib/store/deny-list";
import { type StoreKind, StoreUnavailableError } from "@/lib/store/gate";
import { lifetimes } from "./lifetimes";
import { step } from "./trace";

/**
 * The JWT deny-list. Auth.js rewrites `jti` on every re-encode, so entries key on our own stable
 * `sid` claim (one sign-in, however often its token is refreshed) or on the user id (every token
 * issued before the entry). An entry is kept only as long as the tokens it blocks could live.
 */
const ENFORCE_KEY = "denylist.enforce";

/**
 * Whether JWT checks consult the deny-list. A server-wide setting, never a cookie: whoever holds
 * a stolen token must not be able to opt out of the check. Only the instructor may change it.
 */
export function denyListEnforced(): boolean {
  return setting(ENFORCE_KEY) === "1";
}

export async function setDenyListEnforced(on: boolean): Promise<void> {
  await setSetting(ENFORCE_KEY, on ? "1" : "0");
}

export interface DenyCheck {
  sid: string;
  sub: string;
  /** Seconds: when the user signed in. A user entry blocks tokens from sign-ins before it. */
  authTime: number;
}

export type DenyVerdict =
  | { denied: false; unchecked?: string }
  | { denied: true; reason: string; unavailable?: StoreKind };

/**
 * Is this token on the deny-list? When the deny-list's store is down, AUTH_DENYLIST_WHEN_DOWN
 * decides: "closed" refuses the token (revocations keep holding, everyone is signed out),
 * "open" lets it through unchecked (everyone stays in, revoked tokens too) and says so.
 */
export async function checkDenyList(token: DenyCheck): Promise<DenyVerdict> {
  const { denyList } = stores();
  let entries: DenyEntry[];
  try {
    entries = await step("denylist.lookup", () => denyList.lookup(token.sid, token.sub, now()), {
      store: denyList.name,
      detail: (rows) => (rows.length ? `${rows.length} entry` : "not listed"),
    });
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    if (env.AUTH_DENYLIST_WHEN_DOWN === "open")
      return { denied: false, unchecked: "the deny-list store is down; the token was trusted unchecked" };
    return {
      denied: true,
      unavailable: error.store,
      reason: `The deny-list cannot be consulted (${stores().denyListKind} unreachable), and this server refuses JWTs it cannot check (AUTH_DENYLIST_WHEN_DOWN=closed).`,
    };
  }
  for (const e of entries) {
    if (e.kind === "sid")
      return { denied: true, reason: `This token's session (sid) is on the deny-list: ${e.reason}.` };
    if (token.authTime * 1000 <= e.createdAt)
      return {
        denied: true,
        reason: `Every token of this user issued before the deny-list entry is refused: ${e.reason}.`,
      };
  }
  return { denied: false };
}

/** The longest a token can live: its absolute timeout (idle tokens expire sooner). */
function longestLife(): number {
  return now() + lifetimes().absoluteS * 1000;
}

/** `tokenEnd` (ms): when the token would die anyway; the entry is useless after that. */
export async function denySid(sid: string, reason: string, tokenEnd = longestLife()): Promise<void> {
  const at = now();
  await stores().denyList.put({ kind: "sid", value: sid, reason, createdAt: at, expiresAt: tokenEnd }, at);
}

export async function denyUser(userId: string, reason: string): Promise<void> {
  const at = now();
  await stores().denyList.put(
    { kind: "user", value: userId, reason, createdAt: at, expiresAt: longestLife() },
    at,
  );
}

export async function liveDenyEntries(): Promise<DenyEntry[]> {
  return stores().denyList.live(now());
}
