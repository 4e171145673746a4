import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { ACCESS_TOKEN_TYP, issuer, mintAccessToken, ORDERS_AUDIENCE } from "@/lib/auth/access-tokens";
import {
  CLOCK_SKEW_S,
  currentSigningKey,
  listSigningKeys,
  publishedJwks,
  rotateSigningKey,
} from "@/lib/auth/signing-keys";
import type { SignedIn } from "@/lib/auth/strategies/types";
import { type Clock, now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * Signing keys run on an injected clock (the wall clock in the app), so each transition of
 * publish-then-sign is stepped through here without waiting: next → current → previous → retired.
 */
let t = Date.UTC(2030, 0, 1);
const clock: Clock = { now: () => t };
const advance = (s: number) => {
  t += s * 1000;
};
const LEAD = env.SIGNING_KEY_PUBLISH_LEAD;
const KEEP = env.SERVICE_TOKEN_TTL + CLOCK_SKEW_S;

const states = async () => (await listSigningKeys(clock)).map((k) => k.state);
const publishedKids = async () => (await publishedJwks(clock)).keys.map((k) => k.kid);

function verdictFor(id: string): SignedIn {
  return {
    status: "signed-in",
    strategy: "database",
    via: "bearer",
    user: { id, email: `${id}@example.test`, name: null, role: "user" },
    expiresAt: now() + 3600_000,
    authTime: now(),
    persistent: true,
    claims: null,
    keyId: null,
    record: null,
  };
}

beforeEach(async () => {
  await db.signingKey.deleteMany();
  t += 86400_000; // a fresh day, far from the previous test's keys
});

describe("signing keys", () => {
  it("creates the first key lazily, signing at once (no verifier has cached anything yet)", async () => {
    expect(await db.signingKey.count()).toBe(0);
    const [first, ...rest] = await listSigningKeys(clock);
    expect(rest).toEqual([]);
    expect(first?.state).toBe("current");
    expect(await db.signingKey.count()).toBe(1);
  });

  it("seals the private key at rest and publishes only the public half", async () => {
    const { kid } = await currentSigningKey(clock);
    const row = await db.signingKey.findUniqueOrThrow({ where: { kid } });
    expect(row.privateJwk.startsWith("sealed.v1.")).toBe(true);
    expect(row.privateJwk).not.toContain('"d"');
    const { keys } = await publishedJwks(clock);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kid, alg: "ES256", use: "sig", kty: "EC", crv: "P-256" });
    expect(keys[0]).not.toHaveProperty("d");
  });

  it("publishes a rotated key first and lets it sign only after the lead", async () => {
    const old = await currentSigningKey(clock);
    const rotation = await rotateSigningKey(clock);
    if (!rotation.ok) throw new Error("rotation refused");
    const fresh = rotation.key;
    expect(fresh.state).toBe("next");
    expect(fresh.activatesAt).toBe(t + LEAD * 1000);
    expect(await publishedKids()).toEqual([fresh.kid, old.kid]);
    // Still the old key signing: verifiers get time to fetch the new one.
    expect((await currentSigningKey(clock)).kid).toBe(old.kid);

    advance(LEAD - 1);
    expect((await currentSigningKey(clock)).kid).toBe(old.kid);
    advance(1);
    expect((await currentSigningKey(clock)).kid).toBe(fresh.kid);
    expect(await states()).toEqual(["current", "previous"]);
    expect(await publishedKids()).toEqual([fresh.kid, old.kid]);
  });

  it("keeps the previous key published for a token lifetime plus skew, then retires it", async () => {
    const old = await currentSigningKey(clock);
    await rotateSigningKey(clock);
    advance(LEAD);
    const previous = (await listSigningKeys(clock)).find((k) => k.kid === old.kid);
    expect(previous?.unpublishAt).toBe(t + KEEP * 1000);
    advance(KEEP - 1);
    expect(await publishedKids()).toContain(old.kid);
    advance(1);
    expect(await states()).toEqual(["current", "retired"]);
    expect(await publishedKids()).not.toContain(old.kid);
    // The stored rows follow, so every instance sharing the database sees the same states.
    expect((await db.signingKey.findUniqueOrThrow({ where: { kid: old.kid } })).status).toBe("retired");
  });

  it("refuses a second rotation while a key is still waiting to sign", async () => {
    const first = await rotateSigningKey(clock);
    const second = await rotateSigningKey(clock);
    expect(second.ok).toBe(false);
    if (first.ok && !second.ok) expect(second.pending.kid).toBe(first.key.kid);
    expect(await db.signingKey.count()).toBe(2);
  });

  it("mints access tokens that verify against the published keys, before and after a rotation", async () => {
    const before = await mintAccessToken(verdictFor("u1"), clock);
    await rotateSigningKey(clock);
    advance(LEAD);
    const after = await mintAccessToken(verdictFor("u1"), clock);
    expect(after.kid).not.toBe(before.kid);
    const jwks = createLocalJWKSet(await publishedJwks(clock));
    for (const minted of [before, after]) {
      expect(decodeProtectedHeader(minted.token)).toMatchObject({ alg: "ES256", typ: ACCESS_TOKEN_TYP });
      const { payload } = await jwtVerify(minted.token, jwks, {
        issuer: issuer(),
        audience: ORDERS_AUDIENCE,
        algorithms: ["ES256"],
        currentDate: new Date(t),
      });
      expect(payload).toMatchObject({ sub: "u1", email: "u1@example.test", role: "user" });
      expect(payload.exp).toBe((payload.iat ?? 0) + env.SERVICE_TOKEN_TTL);
    }
  });

  it("never mints a token that outlives its session", async () => {
    const short = { ...verdictFor("u2"), expiresAt: now() + 42_000 };
    const minted = await mintAccessToken(short, clock);
    expect(minted.expiresIn).toBeLessThanOrEqual(42);
    expect(minted.expiresIn).toBeGreaterThanOrEqual(41);
  });
});
