import { afterEach, describe, expect, it } from "vitest";
import type { RequestContext } from "@/lib/auth/request";
import { createSessionRow, sessionStore } from "@/lib/auth/session-store";
import { sha256 } from "@/lib/auth/tokens";
import { newTrace, runWithTrace } from "@/lib/auth/trace";
import { setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createUser } from "./support/fixtures";

const COOKIE = "authjs.session-token";
const HOUR = 60 * 60 * 1000;

function ctx(cookies: Record<string, string> = {}): RequestContext {
  return {
    strategy: "database",
    cookies: new Map(Object.entries(cookies)),
    userAgent: "UnitTest/1.0 (X11; Linux)",
    ip: "203.0.113.9",
    secure: false,
  };
}

async function signIn(cookies: Record<string, string> = {}, persistent = true) {
  const user = await createUser();
  const session = await createSessionRow(ctx(cookies), COOKIE, { userId: user.id, persistent });
  return { user, token: session.sessionToken, session };
}

afterEach(async () => {
  await setOffset(0);
});

describe("createSessionRow", () => {
  it("stores only SHA-256 of the token, with device, IP and sign-in time", async () => {
    const before = Date.now();
    const { user, token } = await signIn({}, false);
    const row = await db.session.findUniqueOrThrow({ where: { sessionToken: sha256(token) } });
    expect(row.userId).toBe(user.id);
    expect(row.userAgent).toBe("UnitTest/1.0 (X11; Linux)");
    expect(row.ip).toBe("203.0.113.9");
    expect(row.persistent).toBe(false);
    expect(row.authTime.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.authTime.getTime()).toBeLessThanOrEqual(Date.now());
    expect(row.expires.getTime() - row.authTime.getTime()).toBe(env.AUTH_SESSION_MAX_AGE * 1000);

    const all = await db.session.findMany();
    expect(JSON.stringify(all)).not.toContain(token);
    expect(await db.session.count({ where: { sessionToken: token } })).toBe(0);
  });

  it("replaces the session the browser already carried (no fixation)", async () => {
    const { user, token: old } = await signIn();
    const fresh = await createSessionRow(ctx({ [COOKIE]: old }), COOKIE, {
      userId: user.id,
      persistent: true,
    });
    expect(fresh.sessionToken).not.toBe(old);
    expect(await db.session.count({ where: { sessionToken: sha256(old) } })).toBe(0);
    expect(await db.session.count({ where: { sessionToken: sha256(fresh.sessionToken) } })).toBe(1);
  });

  it("leaves other sessions of the same user alone", async () => {
    const { user, token: laptop } = await signIn();
    await createSessionRow(ctx(), COOKIE, { userId: user.id, persistent: true });
    expect(await db.session.count({ where: { sessionToken: sha256(laptop) } })).toBe(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
  });
});

describe("sessionStore.getSessionAndUser", () => {
  const store = () => sessionStore(ctx(), COOKIE);

  it("finds the session by raw token and returns the user without passwordHash", async () => {
    const { user, token } = await signIn();
    const found = await store().getSessionAndUser?.(token);
    expect(found?.user.id).toBe(user.id);
    expect(found?.user.email).toBe(user.email);
    expect(found?.user).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(found)).not.toContain("scrypt$secret");
    expect(found?.session.sessionToken).toBe(token);
    expect(found?.session.userId).toBe(user.id);
  });

  it("returns null for an unknown token and explains why", async () => {
    const trace = newTrace();
    const found = await runWithTrace(trace, async () => store().getSessionAndUser?.("no-such-token"));
    expect(found).toBeNull();
    expect(trace.rejection).toMatch(/no session row/i);
  });

  it("does not accept the stored hash itself as a cookie", async () => {
    const { token } = await signIn();
    expect(await store().getSessionAndUser?.(sha256(token))).toBeNull();
  });

  it("ends an idle session after AUTH_SESSION_MAX_AGE and deletes its row", async () => {
    const { token } = await signIn();
    await setOffset(env.AUTH_SESSION_MAX_AGE * 1000 - 60_000);
    expect(await store().getSessionAndUser?.(token)).not.toBeNull();
    await setOffset(env.AUTH_SESSION_MAX_AGE * 1000 + 60_000);
    const trace = newTrace();
    expect(await runWithTrace(trace, async () => store().getSessionAndUser?.(token))).toBeNull();
    expect(trace.rejection).toMatch(/idle timeout/);
    expect(await db.session.count({ where: { sessionToken: sha256(token) } })).toBe(0);
  });

  it("ends a session at the absolute timeout even when activity pushed expires forward", async () => {
    const { token } = await signIn();
    const s = store();
    await s.updateSession?.({ sessionToken: token, expires: new Date(Date.now() + 30 * 24 * HOUR) });
    await setOffset(env.AUTH_ABSOLUTE_MAX_AGE * 1000 - HOUR);
    expect(await s.getSessionAndUser?.(token)).not.toBeNull();
    await setOffset(env.AUTH_ABSOLUTE_MAX_AGE * 1000 + 60_000);
    const trace = newTrace();
    expect(await runWithTrace(trace, async () => s.getSessionAndUser?.(token))).toBeNull();
    expect(trace.rejection).toMatch(/absolute timeout/);
    expect(await db.session.count({ where: { sessionToken: sha256(token) } })).toBe(0);
  });

  it("never reports an expiry past the absolute end", async () => {
    const { token } = await signIn();
    const s = store();
    await s.updateSession?.({ sessionToken: token, expires: new Date(Date.now() + 30 * 24 * HOUR) });
    const found = await s.getSessionAndUser?.(token);
    const limit = Date.now() + env.AUTH_ABSOLUTE_MAX_AGE * 1000;
    expect(found?.session.expires.getTime()).toBeLessThanOrEqual(limit);
  });
});

describe("sessionStore.updateSession / deleteSession", () => {
  it("updateSession pushes the expiry forward so the session outlives its first idle limit", async () => {
    const { token } = await signIn();
    const s = sessionStore(ctx(), COOKIE);
    await setOffset(env.AUTH_SESSION_MAX_AGE * 1000 - 60_000);
    const pushed = new Date(Date.now() + env.AUTH_SESSION_MAX_AGE * 1000); // real-time frame
    await s.updateSession?.({ sessionToken: token, expires: pushed });
    const row = await db.session.findUniqueOrThrow({ where: { sessionToken: sha256(token) } });
    expect(row.expires.getTime()).toBeGreaterThan(row.authTime.getTime() + env.AUTH_SESSION_MAX_AGE * 1000);
    await setOffset(env.AUTH_SESSION_MAX_AGE * 1000 + 60_000);
    expect(await s.getSessionAndUser?.(token)).not.toBeNull();
  });

  it("deleteSession by raw token removes exactly that row", async () => {
    const { user, token } = await signIn();
    const other = await createSessionRow(ctx(), COOKIE, { userId: user.id, persistent: true });
    const s = sessionStore(ctx(), COOKIE);
    await s.deleteSession?.(token);
    expect(await db.session.count({ where: { sessionToken: sha256(token) } })).toBe(0);
    expect(await s.getSessionAndUser?.(token)).toBeNull();
    expect(await s.getSessionAndUser?.(other.sessionToken)).not.toBeNull();
  });
});
