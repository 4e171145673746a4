import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { lifetimes } from "@/lib/auth/lifetimes";
import { refresh, revokeFamiliesOfUser, revokeFamily } from "@/lib/auth/refresh";
import { setOffset } from "@/lib/clock";
import { env } from "@/lib/env";
import { refreshOk, startFamily as start } from "./support/refresh";

afterEach(async () => {
  await setOffset(0);
});

describe("refresh failures", () => {
  it("an unknown token fails", async () => {
    const result = await refresh("never-issued");
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? "" : result.reason).toMatch(/unknown/i);
  });

  it("revokeFamily ends refreshing with a reason", async () => {
    const { familyId, token } = await start();
    await revokeFamily(familyId, "signed out");
    const result = await refresh(token);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(/revoked \(signed out\)/);
  });

  it("revokeFamiliesOfUser revokes every live family of that user only", async () => {
    const userId = `user-${randomUUID()}`;
    const [a, b, c] = await Promise.all([start(userId), start(userId), start(userId)]);
    const other = await start();
    await revokeFamily(c?.familyId ?? "", "signed out");
    expect(await revokeFamiliesOfUser(userId, "password changed")).toBe(2);
    expect(await revokeFamiliesOfUser(userId, "again")).toBe(0);
    for (const f of [a, b]) expect((await refresh(f?.token ?? "")).ok).toBe(false);
    expect((await refresh(other.token)).ok).toBe(true);
  });

  it("a refresh token unused past its TTL (the idle timeout by default) fails; just before, it works", async () => {
    const ttl = lifetimes().refreshS;
    expect(env.AUTH_REFRESH_TOKEN_TTL).toBeUndefined();
    expect(ttl).toBe(env.AUTH_SESSION_MAX_AGE);
    const [early, late] = await Promise.all([start(), start()]);
    await setOffset(ttl * 1000 - 60_000);
    expect((await refresh(early.token)).ok).toBe(true);
    await setOffset(ttl * 1000 + 1000);
    const result = await refresh(late.token);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(/expired/);
  });

  it("a family past the absolute timeout of its sign-in cannot refresh and is revoked", async () => {
    const fam = await start();
    let token = fam.token;
    // Keep it busy: rotate every 4 h (inside the 8 h refresh TTL) until the absolute end is near.
    const every = 4 * 3600;
    for (let n = 1; n * every < env.AUTH_ABSOLUTE_MAX_AGE; n++) {
      await setOffset(n * every * 1000);
      const r = await refresh(token);
      expect(r.ok).toBe(true);
      if (r.ok) token = r.token;
    }
    await setOffset(env.AUTH_ABSOLUTE_MAX_AGE * 1000 + 1000);
    const result = await refresh(token);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(/absolute timeout/);
    expect(result.ok ? false : result.familyRevoked).toBe(true);
  });
});

describe("going back in time", () => {
  it("'Back to now' pulls future use times back, so reuse detection works again", async () => {
    const fam = await start();
    await setOffset(4 * 3_600_000);
    const next = await refreshOk(fam.token); // fam.token is now used "4 hours in the future"
    await setOffset(0);
    // Inside the grace window of its (clamped) use, the same successor comes back...
    const again = await refresh(fam.token);
    expect(again.ok && again.token).toBe(next.token);
    // ...and once the window has passed, reuse is detected.
    await setOffset((env.AUTH_REFRESH_GRACE + 1) * 1000);
    const reused = await refresh(fam.token);
    expect(reused.ok).toBe(false);
    expect(reused.ok ? false : reused.familyRevoked).toBe(true);
  });
});
