import { afterEach, describe, expect, it } from "vitest";
import { COOKIES } from "@/lib/auth/cookies";
import { createSessionRow } from "@/lib/auth/session-rows";
import { sha256 } from "@/lib/auth/tokens";
import { setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createUser } from "./support/fixtures";
import { testScope } from "./support/scope";

const COOKIE = COOKIES.session.name(false);

async function signIn(cookies: Record<string, string> = {}, persistent = true) {
  const user = await createUser();
  const session = await createSessionRow(testScope({ cookies }), { userId: user.id, persistent });
  return { user, token: session.sessionToken, session };
}

afterEach(async () => {
  await setOffset(0);
});

describe("createSessionRow", () => {
  it("stores only SHA-256 of the token, with device, IP and sign-in time", async () => {
    const before = Date.now();
    const { user, token } = await signIn({}, false);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
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

  it("hands Auth.js the expiry in its real-time frame while the clock is moved", async () => {
    await setOffset(3_600_000);
    const { session, token } = await signIn();
    const row = await db.session.findUniqueOrThrow({ where: { sessionToken: sha256(token) } });
    expect(row.expires.getTime() - session.expires.getTime()).toBe(3_600_000);
  });

  it("replaces the session the browser already carried (no fixation)", async () => {
    const { user, token: old } = await signIn();
    const fresh = await createSessionRow(testScope({ cookies: { [COOKIE]: old } }), {
      userId: user.id,
      persistent: true,
    });
    expect(fresh.sessionToken).not.toBe(old);
    expect(await db.session.count({ where: { sessionToken: sha256(old) } })).toBe(0);
    expect(await db.session.count({ where: { sessionToken: sha256(fresh.sessionToken) } })).toBe(1);
  });

  it("leaves other sessions of the same user alone", async () => {
    const { user, token: laptop } = await signIn();
    await createSessionRow(testScope(), { userId: user.id, persistent: true });
    expect(await db.session.count({ where: { sessionToken: sha256(laptop) } })).toBe(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
  });
});
