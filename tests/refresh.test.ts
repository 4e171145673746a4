import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { refresh, startRefreshFamily } from "@/lib/auth/refresh";
import { sha256 } from "@/lib/auth/tokens";
import { setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { refreshOk, startFamily as start } from "./support/refresh";

afterEach(async () => {
  await setOffset(0);
});

describe("startRefreshFamily", () => {
  it("returns a family and a 256-bit token of which only the hash is stored", async () => {
    const userId = `user-${randomUUID()}`;
    const sid = randomUUID();
    const { familyId, token } = await startRefreshFamily(userId, sid, false);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const family = await db.refreshFamily.findUniqueOrThrow({
      where: { id: familyId },
      include: { tokens: true },
    });
    expect(family).toMatchObject({ userId, sid, persistent: false, revokedAt: null });
    expect(family.tokens.map((t) => t.hash)).toEqual([sha256(token)]);
    expect(JSON.stringify(await db.refreshToken.findMany())).not.toContain(token);
  });
});

describe("refresh rotation", () => {
  it("swaps the token for a new one and marks the old one used", async () => {
    const { familyId, token } = await start();
    const result = await refreshOk(token);
    expect(result.token).not.toBe(token);
    expect(result.familyId).toBe(familyId);
    const old = await db.refreshToken.findUniqueOrThrow({ where: { hash: sha256(token) } });
    expect(old.usedAt).not.toBeNull();
    const next = await db.refreshToken.findUniqueOrThrow({ where: { hash: sha256(result.token) } });
    expect(next.parentHash).toBe(sha256(token));
    expect(next.usedAt).toBeNull();
  });

  it("carries the family's user, sid and sign-in time down the chain", async () => {
    const userId = `user-${randomUUID()}`;
    const sid = randomUUID();
    const { token } = await startRefreshFamily(userId, sid, true);
    const first = await refreshOk(token);
    const second = await refreshOk(first.token);
    const third = await refreshOk(second.token);
    expect(new Set([token, first.token, second.token, third.token]).size).toBe(4);
    for (const r of [first, second, third]) {
      expect(r).toMatchObject({ userId, sid, persistent: true, authTime: first.authTime });
    }
  });

  it("within the grace window, reusing a rotated token returns the same successor", async () => {
    const { token } = await start();
    const first = await refreshOk(token);
    await setOffset((env.AUTH_REFRESH_GRACE - 2) * 1000);
    const again = await refreshOk(token);
    expect(again.token).toBe(first.token);
    expect(await db.refreshToken.count({ where: { parentHash: sha256(token) } })).toBe(1);
  });

  it("reuse after the grace window revokes the whole family", async () => {
    const { familyId, token } = await start();
    const successor = await refreshOk(token);
    await setOffset((env.AUTH_REFRESH_GRACE + 1) * 1000);
    const reuse = await refresh(token);
    expect(reuse).toMatchObject({ ok: false, familyRevoked: true });
    const family = await db.refreshFamily.findUniqueOrThrow({ where: { id: familyId } });
    expect(family.revokedAt).not.toBeNull();
    const legit = await refresh(successor.token);
    expect(legit.ok).toBe(false);
    expect(legit.ok ? "" : legit.reason).toMatch(/revoked/);
  });

  it("race: 25 parallel refreshes of one token all get the same single successor", async () => {
    const { familyId, token } = await start();
    const results = await Promise.all(Array.from({ length: 25 }, () => refresh(token)));
    expect(results.filter((r) => r.ok)).toHaveLength(25);
    const successors = new Set(results.map((r) => (r.ok ? r.token : r.reason)));
    expect(successors.size).toBe(1);
    expect(await db.refreshToken.count({ where: { parentHash: sha256(token) } })).toBe(1);
    expect((await db.refreshFamily.findUniqueOrThrow({ where: { id: familyId } })).revokedAt).toBeNull();
    const [successor] = [...successors];
    expect((await refresh(successor ?? "")).ok).toBe(true);
  });
});
