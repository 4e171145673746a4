import { decode as authJsDecode } from "next-auth/jwt";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { encodeSessionJwt } from "@/lib/auth/jwt-codec";
import { listKeys, rotateKeys } from "@/lib/auth/keyring";
import { randomToken } from "@/lib/auth/tokens";
import { now, nowSeconds } from "@/lib/clock";
import { isSealed, seal, unseal } from "@/lib/crypto/seal";
import { db } from "@/lib/db/client";
import { resetKeyring } from "./support/keyring";
import { claimsFor, SALT } from "./support/sessions";

/**
 * Defect fixed: rotated keys were stored in the clear, so a stolen database was enough to mint a
 * JWT for anyone. Now the column holds the key sealed under AUTH_SECRET: useless on its own.
 */
const user = { id: "user-sealed", email: "s@example.test", name: null, role: "admin" };

beforeEach(resetKeyring);
afterAll(resetKeyring);

describe("rotated JWT keys are stored sealed", () => {
  it("the JwtKey row holds a sealed value and none of the key", async () => {
    const created = await rotateKeys("grace");
    const row = await db.jwtKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secret.startsWith("sealed.v1.")).toBe(true);
    expect(row.secret).not.toContain(created.secret);
    expect(unseal(row.secret, "jwt-key")).toBe(created.secret);
  });

  it("a thief holding only the database cannot decrypt (so cannot forge) the key's tokens", async () => {
    const created = await rotateKeys("grace");
    const token = await encodeSessionJwt(claimsFor(user), SALT, nowSeconds());
    const column = (await db.jwtKey.findUniqueOrThrow({ where: { id: created.id } })).secret;
    // Auth.js's own decoder, given the stored value as the secret: no key it derives fits.
    await expect(authJsDecode({ token, secret: column, salt: SALT })).rejects.toThrow();
    // The real key (which only the server can unseal) does: the token was made with this key.
    expect(await authJsDecode({ token, secret: created.secret, salt: SALT })).toMatchObject({ sub: user.id });
  });

  it("a legacy row holding a plain secret is sealed the first time keys load, and still decrypts", async () => {
    const plain = randomToken(32);
    const at = new Date(now());
    await db.jwtKey.create({
      data: { id: "k-legacy", secret: plain, status: "grace", createdAt: at, retiredAt: at },
    });
    const keys = await listKeys(true);
    expect(keys.find((k) => k.id === "k-legacy")).toMatchObject({ status: "grace", secret: plain });
    const row = await db.jwtKey.findUniqueOrThrow({ where: { id: "k-legacy" } });
    expect(isSealed(row.secret)).toBe(true);
    expect(row.secret).not.toContain(plain);
    expect(unseal(row.secret, "jwt-key")).toBe(plain);
  });

  it("a key sealed under another AUTH_SECRET decrypts nothing: it is treated as retired", async () => {
    const at = new Date(now());
    const foreign = seal(randomToken(32), "jwt-key", "another-server-secret-another-server-secret");
    await db.jwtKey.create({
      data: { id: "k-foreign", secret: foreign, status: "grace", createdAt: at, retiredAt: at },
    });
    expect((await listKeys(true)).find((k) => k.id === "k-foreign")).toMatchObject({
      status: "retired",
      secret: "",
    });
  });
});
