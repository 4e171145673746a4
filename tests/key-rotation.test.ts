import type { JWT } from "next-auth/jwt";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeSessionJwt, encodeSessionJwt } from "@/lib/auth/jwt-codec";
import { listKeys, rotateKeys, usableKeys } from "@/lib/auth/keyring";
import { newTrace, runWithTrace } from "@/lib/auth/trace";
import { setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * Rotation changes the keyring for the whole database, so every test starts from the env key
 * alone ("k1") and the file leaves it that way for the other test files.
 */
const SALT = "authjs.session-token";
const opts = { mode: "jwt" as const, enforceDenyList: false };
const encode = (token: JWT) => encodeSessionJwt({ token, salt: SALT, secret: "" }, opts);

async function decode(token: string) {
  const trace = newTrace();
  const claims = await runWithTrace(trace, () => decodeSessionJwt({ token, salt: SALT, secret: "" }, opts));
  return { claims, trace };
}

/** The keyring caches for 1 s; only rotateKeys clears it, so a reset waits the cache out. */
const cacheExpiry = () => new Promise((resolve) => setTimeout(resolve, 1_100));

async function resetKeyring() {
  await db.jwtKey.deleteMany();
  await setOffset(0);
  await cacheExpiry();
}

beforeEach(resetKeyring);
afterEach(() => setOffset(0));
afterAll(resetKeyring);

describe("keyring", () => {
  it("starts with the env secret as the only, active key k1", async () => {
    const keys = await usableKeys();
    expect(keys.map((k) => [k.id, k.status])).toEqual([["k1", "active"]]);
    expect(keys[0]?.secret).toBe(env.AUTH_SECRET);
    const { claims } = await decode(await encode({ sub: "u" }));
    expect(claims?.kidName).toBe("k1");
  });

  it("never stores the env secret in the database", async () => {
    await rotateKeys("grace");
    const k1 = await db.jwtKey.findUniqueOrThrow({ where: { id: "k1" } });
    expect(k1.secret).toBe("");
    const all = await db.jwtKey.findMany();
    expect(JSON.stringify(all)).not.toContain(env.AUTH_SECRET);
  });
});

describe("grace rotation", () => {
  it("first rotation: tokens made with the env key k1 still decode; new tokens use k2", async () => {
    const old = await encode({ sub: "u", role: "user" });
    const created = await rotateKeys("grace");
    expect(created.id).toBe("k2");
    expect(created.status).toBe("active");
    expect(created.secret).not.toBe(env.AUTH_SECRET);
    expect((await listKeys()).map((k) => [k.id, k.status])).toEqual([
      ["k2", "active"],
      ["k1", "grace"],
    ]);

    const before = await decode(old);
    expect(before.claims?.sub).toBe("u");
    expect(before.trace.facts.keyId).toBe("k1");

    const fresh = await encode({ sub: "u" });
    const after = await decode(fresh);
    expect(after.claims?.kidName).toBe("k2");
    expect(after.trace.facts.keyId).toBe("k2");
    expect(fresh.split(".")[0]).not.toBe(old.split(".")[0]); // header kid changed
  });

  it("a later grace rotation keeps the previous generated key decrypting too", async () => {
    await rotateKeys("grace");
    const k2Token = await encode({ sub: "u" });
    expect((await rotateKeys("grace")).id).toBe("k3");
    const { claims, trace } = await decode(k2Token);
    expect(claims?.kidName).toBe("k2");
    expect(trace.facts.keyId).toBe("k2");
  });

  it("a grace key stops decrypting once its tokens would have expired anyway", async () => {
    await rotateKeys("grace");
    const k2Token = await encode({ sub: "u" });
    await rotateKeys("grace");
    expect((await decode(k2Token)).claims).not.toBeNull();
    await setOffset(env.AUTH_SESSION_MAX_AGE * 1000 + 60_000);
    await cacheExpiry();
    expect((await listKeys()).find((k) => k.id === "k2")?.status).toBe("retired");
    const { claims, trace } = await decode(k2Token);
    expect(claims).toBeNull();
    expect(trace.rejection).toMatch(/retired|no key/i);
  });
});

describe("hard rotation", () => {
  it("every token made with an older key fails at once; new ones work", async () => {
    const k1Token = await encode({ sub: "u" });
    await rotateKeys("grace");
    const k2Token = await encode({ sub: "u" });
    const created = await rotateKeys("hard");
    expect(created.id).toBe("k3");
    expect((await usableKeys()).map((k) => k.id)).toEqual(["k3"]);

    for (const token of [k1Token, k2Token]) {
      const { claims, trace } = await decode(token);
      expect(claims).toBeNull();
      expect(trace.rejection).toMatch(/retired|no key/i);
    }
    const { claims } = await decode(await encode({ sub: "u" }));
    expect(claims?.kidName).toBe("k3");
  });

  it("the env key stays retired after a hard rotation even though its secret is still in the env", async () => {
    const token = await encode({ sub: "u" });
    await rotateKeys("hard");
    await cacheExpiry();
    const k1 = (await listKeys()).find((k) => k.id === "k1");
    expect(k1?.status).toBe("retired");
    expect((await decode(token)).claims).toBeNull();
  });
});
