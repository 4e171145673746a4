import { afterEach, describe, expect, it } from "vitest";
import { labAdapter } from "@/lib/auth/adapter";
import { readSessionRow } from "@/lib/auth/strategies/database";
import { sha256 } from "@/lib/auth/tokens";
import { newTrace, runWithTrace } from "@/lib/auth/trace";
import { setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createUser } from "./support/fixtures";
import { testScope } from "./support/scope";
import { databaseCookie } from "./support/sessions";

const HOUR = 60 * 60 * 1000;
const adapter = () => labAdapter(testScope({ strategy: "database" }));

async function signIn() {
  const user = await createUser();
  return { user, token: await databaseCookie(user) };
}

async function read(token: string) {
  const trace = newTrace();
  const verdict = await runWithTrace(trace, () => readSessionRow(token, "cookie"));
  return { verdict, trace };
}

afterEach(async () => {
  await setOffset(0);
});

describe("reading a session row (the read path and Auth.js's getSessionAndUser)", () => {
  it("finds the session by raw token and returns the user without passwordHash", async () => {
    const { user, token } = await signIn();
    const found = await adapter().getSessionAndUser?.(token);
    expect(found?.user.id).toBe(user.id);
    expect(found?.user.email).toBe(user.email);
    expect(found?.user).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(found)).not.toContain("scrypt$secret");
    expect(found?.session.sessionToken).toBe(token);
    expect(found?.session.userId).toBe(user.id);
  });

  it("refuses an unknown token and explains why", async () => {
    const { verdict, trace } = await read("no-such-token");
    expect(verdict).toMatchObject({ status: "signed-out", limit: "revoked" });
    expect(trace.rejection).toMatch(/no session row/i);
    expect(await adapter().getSessionAndUser?.("no-such-token")).toBeNull();
  });

  it("does not accept the stored hash itself as a cookie", async () => {
    const { token } = await signIn();
    expect((await read(sha256(token))).verdict.status).toBe("signed-out");
  });

  it("ends an idle session after AUTH_SESSION_MAX_AGE and deletes its row", async () => {
    const { token } = await signIn();
    await setOffset(env.AUTH_SESSION_MAX_AGE * 1000 - 60_000);
    expect((await read(token)).verdict.status).toBe("signed-in");
    await setOffset(env.AUTH_SESSION_MAX_AGE * 1000 + 60_000);
    const { verdict, trace } = await read(token);
    expect(verdict).toMatchObject({ status: "signed-out", limit: "idle" });
    expect(trace.rejection).toMatch(/idle timeout/);
    expect(await db.session.count({ where: { sessionToken: sha256(token) } })).toBe(0);
  });

  it("ends a session at the absolute timeout even when activity pushed expires forward", async () => {
    const { token } = await signIn();
    const a = adapter();
    await a.updateSession?.({ sessionToken: token, expires: new Date(Date.now() + 30 * 24 * HOUR) });
    await setOffset(env.AUTH_ABSOLUTE_MAX_AGE * 1000 - HOUR);
    expect(await a.getSessionAndUser?.(token)).not.toBeNull();
    await setOffset(env.AUTH_ABSOLUTE_MAX_AGE * 1000 + 60_000);
    const { verdict, trace } = await read(token);
    expect(verdict).toMatchObject({ status: "signed-out", limit: "absolute" });
    expect(trace.rejection).toMatch(/absolute timeout/);
    expect(await db.session.count({ where: { sessionToken: sha256(token) } })).toBe(0);
  });

  it("never reports an expiry past the absolute end", async () => {
    const { token } = await signIn();
    await adapter().updateSession?.({ sessionToken: token, expires: new Date(Date.now() + 30 * 24 * HOUR) });
    const { verdict } = await read(token);
    const row = await db.session.findUniqueOrThrow({ where: { sessionToken: sha256(token) } });
    const absoluteEnd = row.authTime.getTime() + env.AUTH_ABSOLUTE_MAX_AGE * 1000;
    expect(row.expires.getTime()).toBeLessThanOrEqual(absoluteEnd);
    expect(verdict.status === "signed-in" && verdict.expiresAt).toBeLessThanOrEqual(absoluteEnd);
  });
});

describe("labAdapter.updateSession / deleteSession", () => {
  it("updateSession pushes the expiry forward so the session outlives its first idle limit", async () => {
    const { token } = await signIn();
    const a = adapter();
    await setOffset(env.AUTH_SESSION_MAX_AGE * 1000 - 60_000);
    const pushed = new Date(Date.now() + env.AUTH_SESSION_MAX_AGE * 1000); // Auth.js's real-time frame
    await a.updateSession?.({ sessionToken: token, expires: pushed });
    const row = await db.session.findUniqueOrThrow({ where: { sessionToken: sha256(token) } });
    expect(row.expires.getTime()).toBeGreaterThan(row.authTime.getTime() + env.AUTH_SESSION_MAX_AGE * 1000);
    await setOffset(env.AUTH_SESSION_MAX_AGE * 1000 + 60_000);
    expect(await a.getSessionAndUser?.(token)).not.toBeNull();
  });

  it("deleteSession by raw token removes exactly that row", async () => {
    const { user, token } = await signIn();
    const other = await databaseCookie(user);
    const a = adapter();
    await a.deleteSession?.(token);
    expect(await db.session.count({ where: { sessionToken: sha256(token) } })).toBe(0);
    expect(await a.getSessionAndUser?.(token)).toBeNull();
    expect(await a.getSessionAndUser?.(other)).not.toBeNull();
  });
});
