import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeSessionJwt, encodeSessionJwt } from "@/lib/auth/jwt-codec";
import { listKeys, rotateKeys, usableKeys } from "@/lib/auth/keyring";
import { nowSeconds, setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { resetKeyring } from "./support/keyring";
import { claimsFor, SALT } from "./support/sessions";

const user = { id: "user-rot", email: "r@example.test", name: null, role: "user" };
const encode = () => encodeSessionJwt(claimsFor(user), SALT, nowSeconds());
const decode = (token: string) => decodeSessionJwt(token, SALT, "jwt", nowSeconds());

beforeEach(async () => {
  await setOffset(0);
  await resetKeyring();
});
afterEach(() => setOffset(0));
afterAll(resetKeyring);

describe("keyring", () => {
  it("starts with the env secret as the only, active key k1", async () => {
    const keys = await usableKeys();
    expect(keys.map((k) => [k.id, k.status])).toEqual([["k1", "active"]]);
    expect(keys[0]?.secret).toBe(env.AUTH_SECRET);
    expect(await decode(await encode())).toMatchObject({ ok: true, keyId: "k1" });
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
    const old = await encode();
    const created = await rotateKeys("grace");
    expect(created.id).toBe("k2");
    expect(created.status).toBe("active");
    expect(created.secret).not.toBe(env.AUTH_SECRET);
    expect((await listKeys()).map((k) => [k.id, k.status])).toEqual([
      ["k2", "active"],
      ["k1", "grace"],
    ]);

    expect(await decode(old)).toMatchObject({ ok: true, keyId: "k1", claims: { sub: user.id } });
    const fresh = await encode();
    expect(await decode(fresh)).toMatchObject({ ok: true, keyId: "k2", claims: { kidName: "k2" } });
    expect(fresh.split(".")[0]).not.toBe(old.split(".")[0]); // header kid changed
  });

  it("a later grace rotation keeps the previous generated key decrypting too", async () => {
    await rotateKeys("grace");
    const k2Token = await encode();
    expect((await rotateKeys("grace")).id).toBe("k3");
    expect(await decode(k2Token)).toMatchObject({ ok: true, keyId: "k2" });
  });

  it("a grace key stops decrypting once its tokens would have expired anyway", async () => {
    await rotateKeys("grace");
    const k2Token = await encode();
    await rotateKeys("grace");
    expect((await decode(k2Token)).ok).toBe(true);
    await setOffset(env.AUTH_SESSION_MAX_AGE * 1000 + 60_000);
    expect((await listKeys(true)).find((k) => k.id === "k2")?.status).toBe("retired");
    expect(await decode(k2Token)).toMatchObject({ ok: false, limit: "key" });
  });
});

describe("hard rotation", () => {
  it("every token made with an older key fails at once; new ones work", async () => {
    const k1Token = await encode();
    await rotateKeys("grace");
    const k2Token = await encode();
    const created = await rotateKeys("hard");
    expect(created.id).toBe("k3");
    expect((await usableKeys()).map((k) => k.id)).toEqual(["k3"]);

    for (const token of [k1Token, k2Token]) {
      const out = await decode(token);
      expect(out).toMatchObject({ ok: false, limit: "key" });
      expect(out.ok ? "" : out.reason).toMatch(/retired|no key/i);
    }
    expect(await decode(await encode())).toMatchObject({ ok: true, keyId: "k3" });
  });

  it("the env key stays retired after a hard rotation even though its secret is still in the env", async () => {
    const token = await encode();
    await rotateKeys("hard");
    const k1 = (await listKeys(true)).find((k) => k.id === "k1");
    expect(k1?.status).toBe("retired");
    expect((await decode(token)).ok).toBe(false);
  });
});
