import "server-only";
import { now } from "@/lib/clock";
import { stores } from "@/lib/store";
import { duration, lifetimes } from "../lifetimes";
import { type RequestScope, sessionCredential } from "../scope";
import { sessionCookieLines } from "../session-cookie";
import { createSessionRow } from "../session-rows";
import { sha256 } from "../tokens";
import { step } from "../trace";
import type { Renewal, SignedIn, StrategyModule, Verdict } from "./types";
import { signedOut } from "./verdicts";

/** lastSeenAt is written at most this often, so reading a session is not a write every request. */
const LAST_SEEN_EVERY_MS = 30_000;

/**
 * Look a session up by the hash of its id and judge it on the auth clock: the absolute timeout
 * first (so a session past both limits says so), then the idle timeout. An expired row is deleted.
 */
export async function readSessionRow(
  credential: string,
  via: "cookie" | "bearer",
  known?: { hash: string },
): Promise<Verdict> {
  const at = now();
  const { sessions } = stores();
  const hash = known?.hash ?? (await step("session.hash", () => sha256(credential)));
  const row = await step("session.lookup", () => sessions.find(hash), {
    store: sessions.name,
    detail: (r) => (r ? "1 row" : "no row"),
  });
  if (!row)
    return signedOut(
      "revoked",
      "No session row matches this id: it was revoked, signed out or never existed.",
    );
  const absoluteEnd = row.authTime + lifetimes().absoluteS * 1000;
  if (absoluteEnd <= at || row.expires <= at) {
    await step("session.delete", () => sessions.remove(hash), { store: sessions.name });
    return absoluteEnd <= at
      ? signedOut(
          "absolute",
          "The session passed its absolute timeout (counted from sign-in); the server deleted its row.",
        )
      : signedOut("idle", "The session passed its idle timeout; the server deleted its row.");
  }
  // Not awaited: the answer does not depend on it, and a failed write only loses a "last seen".
  if (at - row.lastSeenAt > LAST_SEEN_EVERY_MS) void sessions.touch(hash, at).catch(() => {});
  return {
    status: "signed-in",
    strategy: "database",
    via,
    user: row.user,
    expiresAt: Math.min(row.expires, absoluteEnd),
    authTime: row.authTime,
    persistent: row.persistent,
    claims: null,
    keyId: null,
    record: row,
  };
}

/**
 * Activity pushes the idle expiry forward at most every updateAge (one write, not one per
 * request), never past the absolute end. A remembered browser gets the new expiry on its cookie.
 */
export async function extendSessionRow(verdict: SignedIn, scope: RequestScope): Promise<Renewal | null> {
  const row = verdict.record;
  const credential = sessionCredential(scope);
  if (!row || !credential || verdict.via !== "cookie") return null;
  const l = lifetimes();
  const at = now();
  if (row.expires - l.idleS * 1000 + l.updateAgeS * 1000 > at) return null;
  const expires = Math.min(at + l.idleS * 1000, row.authTime + l.absoluteS * 1000);
  if (expires <= row.expires) return null;
  await stores().sessions.extend(row.hash, expires, at);
  const maxAge = Math.floor((expires - at) / 1000);
  return {
    setCookies: row.persistent ? sessionCookieLines(credential, scope, { persistent: true, maxAge }) : [],
  };
}

export const databaseStrategy: StrategyModule = {
  id: "database",
  nextAuth: "database",
  intro:
    "Database sessions: the cookie holds a random id; the session itself is a row on the server, looked up on every request.",
  serverKeeps: "A session row per signed-in device, found by the SHA-256 of the cookie value.",
  readsPerRequest: "1 indexed lookup",
  levers: {
    "sign-out":
      "Deletes this session's row: the cookie, and every copy of it, is refused on the next request.",
    "db-revoke": "Deletes the row: that device (and any copy of its cookie) is refused on the next request.",
    admin: "The instructor deletes the user's rows: refused on the next request.",
  },
  lifetimeRules: (l) => [
    {
      name: "Idle timeout",
      seconds: l.idleS,
      what: `without a request; activity pushes it forward at most every ${duration(l.updateAgeS)}`,
    },
    { name: "Absolute timeout", seconds: l.absoluteS, what: "after signing in, however active" },
  ],
  extraCookies: [],
  async signIn({ scope, user, persistent }) {
    const session = await createSessionRow(scope, { userId: user.id, persistent });
    return { sessionToken: session.sessionToken };
  },
  // Auth.js still calls encode after a password sign-in: the "token" is the new row's opaque id.
  encode: async (token) => String(token.sessionToken ?? ""),
  decode: async () => null,
  read: (credential, scope) => readSessionRow(credential, scope.bearer ? "bearer" : "cookie"),
  renew: (verdict, scope) => extendSessionRow(verdict, scope),
};
