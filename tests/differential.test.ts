import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCache } from "@/lib/auth/cookie-cache";
import { COOKIES } from "@/lib/auth/cookies";
import { denySid, denyUser, setDenyListEnforced } from "@/lib/auth/deny-list";
import { encodeSessionJwt } from "@/lib/auth/jwt-codec";
import { rotateKeys } from "@/lib/auth/keyring";
import { readSession } from "@/lib/auth/read";
import type { JwtMode, Strategy } from "@/lib/auth/strategy";
import { sha256 } from "@/lib/auth/tokens";
import { nowSeconds } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { callAuth } from "./support/authjs";
import { createUser } from "./support/fixtures";
import { resetKeyring } from "./support/keyring";
import { testScope } from "./support/scope";
import { claimsFor, databaseCookie, jwtCookie, SALT } from "./support/sessions";

/**
 * The app's read path (readSession) must give the same answer as Auth.js's own auth() for every
 * credential: the same user signed in, or both signed out. Each case makes its credential afresh
 * for each path, because reading can change the world (an expired row is deleted when read).
 */
type User = Awaited<ReturnType<typeof createUser>>;
type Cookies = Record<string, string>;
interface Case {
  name: string;
  /** Who should be signed in: the user, or nobody. Both paths are also held to it. */
  expect: "user" | "nobody";
  make(user: User): Promise<Cookies>;
}

const SESSION = COOKIES.session.name(false);
const CACHE = COOKIES.cache.name(false);
const session = (value: string): Cookies => ({ [SESSION]: value });

/** Flip one character in the middle of a value (inside the ciphertext of a JWE). */
function tamper(value: string): string {
  const i = Math.floor(value.length * 0.6);
  const c = value[i] === "A" ? "B" : "A";
  return `${value.slice(0, i)}${c}${value.slice(i + 1)}`;
}

const GARBAGE: Case[] = [
  { name: "garbage text", expect: "nobody", make: async () => session("not-a-session") },
  { name: "five empty JWE parts", expect: "nobody", make: async () => session("....") },
  {
    name: "a JWE-shaped nonsense",
    expect: "nobody",
    make: async () => session("eyJhbGciOiJkaXIifQ.a.b.c.d"),
  },
  { name: "8 KB of junk", expect: "nobody", make: async () => session("x".repeat(8000)) },
  { name: "no cookie at all", expect: "nobody", make: async () => ({}) },
];

async function ageRow(cookie: string, o: { expiresAgoS?: number; authAgoS?: number }) {
  const data: { expires?: Date; authTime?: Date } = {};
  if (o.expiresAgoS) data.expires = new Date(Date.now() - o.expiresAgoS * 1000);
  if (o.authAgoS) data.authTime = new Date(Date.now() - o.authAgoS * 1000);
  await db.session.update({ where: { sessionToken: sha256(cookie) }, data });
}

const databaseCases = (): Case[] => [
  { name: "valid session", expect: "user", make: async (u) => session(await databaseCookie(u)) },
  {
    name: "expired idle (row's expires passed)",
    expect: "nobody",
    make: async (u) => {
      const c = await databaseCookie(u);
      await ageRow(c, { expiresAgoS: 60 });
      return session(c);
    },
  },
  {
    name: "expired absolute (signed in longer ago than the absolute timeout)",
    expect: "nobody",
    make: async (u) => {
      const c = await databaseCookie(u);
      await ageRow(c, { authAgoS: env.AUTH_ABSOLUTE_MAX_AGE + 60 });
      return session(c);
    },
  },
  {
    name: "revoked row",
    expect: "nobody",
    make: async (u) => {
      const c = await databaseCookie(u);
      await db.session.delete({ where: { sessionToken: sha256(c) } });
      return session(c);
    },
  },
  { name: "tampered byte", expect: "nobody", make: async (u) => session(tamper(await databaseCookie(u))) },
  {
    name: "the row's hash sent as the cookie",
    expect: "nobody",
    make: async (u) => session(sha256(await databaseCookie(u))),
  },
  { name: "a JWT mode's cookie", expect: "nobody", make: async (u) => session(await jwtCookie(u, "jwt")) },
  ...GARBAGE,
];

const jwtCases = (mode: JwtMode): Case[] => {
  const other: JwtMode = mode === "jwt" ? "jwt-refresh" : "jwt";
  const life = mode === "jwt" ? env.AUTH_SESSION_MAX_AGE : env.AUTH_ACCESS_TOKEN_TTL;
  return [
    { name: "valid token", expect: "user", make: async (u) => session(await jwtCookie(u, mode)) },
    {
      name: "valid token sent in two chunks (.0, .1)",
      expect: "user",
      make: async (u) => {
        const t = await jwtCookie(u, mode);
        const half = Math.floor(t.length / 2);
        return { [`${SESSION}.0`]: t.slice(0, half), [`${SESSION}.1`]: t.slice(half) };
      },
    },
    {
      name: "expired (exp passed, beyond the clock tolerance)",
      expect: "nobody",
      make: async (u) => session(await jwtCookie(u, mode, nowSeconds() - life - 60)),
    },
    {
      name: "expired absolute",
      expect: "nobody",
      make: async (u) => {
        const authTime = nowSeconds() - env.AUTH_ABSOLUTE_MAX_AGE - 30;
        return session(await encodeSessionJwt(claimsFor(u, mode, authTime), SALT, nowSeconds() - 60));
      },
    },
    {
      name: "deny-listed sid",
      expect: "nobody",
      make: async (u) => {
        const claims = claimsFor(u, mode);
        await denySid(claims.sid, "differential test");
        return session(await encodeSessionJwt(claims, SALT, nowSeconds()));
      },
    },
    {
      name: "deny-listed user (token issued before the entry)",
      expect: "nobody",
      make: async (u) => {
        const at = nowSeconds() - 5;
        const t = await encodeSessionJwt(claimsFor(u, mode, at), SALT, at);
        await denyUser(u.id, "differential test");
        return session(t);
      },
    },
    { name: "tampered byte", expect: "nobody", make: async (u) => session(tamper(await jwtCookie(u, mode))) },
    {
      name: `the ${other} mode's token`,
      expect: "nobody",
      make: async (u) => session(await jwtCookie(u, other)),
    },
    { name: "a database session id", expect: "nobody", make: async (u) => session(await databaseCookie(u)) },
    ...GARBAGE,
    {
      name: "made with a key retired by a hard rotation",
      expect: "nobody",
      make: async (u) => {
        const t = await jwtCookie(u, mode);
        await rotateKeys("hard");
        return session(t);
      },
    },
  ];
};

/** A fresh signed copy of the session (what the proxy sets on a cache miss). */
async function cached(u: User, cookie: string): Promise<string> {
  const at = nowSeconds();
  const row = await db.session.findUniqueOrThrow({ where: { sessionToken: sha256(cookie) } });
  return makeCache(sha256(cookie), {
    user: { id: u.id, email: u.email, name: u.name, role: u.role },
    cacheExp: at + env.AUTH_COOKIE_CACHE_TTL,
    authTime: Math.floor(row.authTime.getTime() / 1000),
    sessionExpires: Math.floor(row.expires.getTime() / 1000),
    persistent: row.persistent,
  });
}

const cookieCacheCases = (): Case[] => [
  ...databaseCases(),
  {
    name: "valid session with a fresh cache cookie",
    expect: "user",
    make: async (u) => {
      const c = await databaseCookie(u);
      return { ...session(c), [CACHE]: await cached(u, c) };
    },
  },
  {
    name: "valid session with a tampered cache cookie (falls back to the row)",
    expect: "user",
    make: async (u) => {
      const c = await databaseCookie(u);
      return { ...session(c), [CACHE]: tamper(await cached(u, c)) };
    },
  },
  {
    name: "another session's cache cookie on a revoked session",
    expect: "nobody",
    make: async (u) => {
      const mine = await databaseCookie(u);
      const theirs = await databaseCookie(u);
      await db.session.delete({ where: { sessionToken: sha256(mine) } });
      return { ...session(mine), [CACHE]: await cached(u, theirs) };
    },
  },
];

const CORPUS: Record<Strategy, () => Case[]> = {
  database: databaseCases,
  jwt: () => jwtCases("jwt"),
  "jwt-refresh": () => jwtCases("jwt-refresh"),
  "cookie-cache": cookieCacheCases,
};

async function viaApp(strategy: Strategy, cookies: Cookies): Promise<string | null> {
  const verdict = await readSession(testScope({ strategy, cookies }));
  if (verdict.status === "unavailable") throw new Error(`store unavailable: ${verdict.reason}`);
  return verdict.status === "signed-in" ? verdict.user.id : null;
}

async function viaAuthJs(strategy: Strategy, cookies: Cookies): Promise<string | null> {
  const { res } = await callAuth("/session", { strategy, cookies });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { user?: { id?: string } } | null;
  return body?.user?.id ?? null;
}

beforeAll(async () => {
  await resetKeyring();
  await setDenyListEnforced(true);
});
afterAll(async () => {
  await setDenyListEnforced(false);
  await resetKeyring();
});

describe.each(Object.keys(CORPUS) as Strategy[])(
  "%s mode: readSession and Auth.js's auth() agree",
  (strategy) => {
    it.each(CORPUS[strategy]().map((c) => [c.name, c] as const))("%s", async (_name, c) => {
      // A user per case: a deny-list entry for one case's user must not decide the next case.
      const user = await createUser();
      const app = await viaApp(strategy, await c.make(user));
      const stock = await viaAuthJs(strategy, await c.make(user));
      const wanted = c.expect === "user" ? user.id : null;
      expect({ app, stock }).toEqual({ app: wanted, stock: wanted });
    });
  },
);

describe("cookie-cache mode: the one named difference", () => {
  it("a revoked session with a fresh cache cookie is still accepted by the app path until the cache expires; Auth.js looks the row up", async () => {
    const user = await createUser();
    const c = await databaseCookie(user);
    const cache = await cached(user, c);
    await db.session.delete({ where: { sessionToken: sha256(c) } });
    const cookies = { ...session(c), [CACHE]: cache };
    expect(await viaApp("cookie-cache", cookies)).toBe(user.id);
    expect(await viaAuthJs("cookie-cache", cookies)).toBeNull();
    // The same cookies in database mode: refused on the very next request.
    expect(await viaApp("database", cookies)).toBeNull();
  });
});
