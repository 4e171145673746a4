import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, verifyPassword } from "@/lib/password";

describe("hashPassword / verifyPassword", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", stored)).toBe(false);
    expect(await verifyPassword("Correct horse battery staple", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("stores a self-describing scrypt hash that does not contain the password", async () => {
    const password = "hunter2-hunter2";
    const stored = await hashPassword(password);
    expect(stored.split("$")[0]).toBe("scrypt");
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(Buffer.from(password).toString("base64url"));
  });

  it("salts: two hashes of one password differ and both verify", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same", a)).toBe(true);
    expect(await verifyPassword("same", b)).toBe(true);
  });

  it("treats canonically equivalent Unicode spellings as one password (NFKC)", async () => {
    const stored = await hashPassword("caf\u00e9");
    expect(await verifyPassword("cafe\u0301", stored)).toBe(true);
  });

  it("never verifies anything against DUMMY_HASH", async () => {
    for (const pw of ["", "password", "AAAAAAAAAAAAAAAAAAAAAA"]) {
      expect(await verifyPassword(pw, DUMMY_HASH)).toBe(false);
    }
  });
});

describe("verifyPassword with malformed stored values", () => {
  // A real hash's salt and key, so only the part under test is wrong.
  const parts = hashPassword("pw").then((h) => h.split("$"));
  const withParts = async (fn: (salt: string, key: string) => string) => {
    const [, , , , salt = "", key = ""] = await parts;
    return fn(salt, key);
  };

  it.each([
    ["empty", () => ""],
    ["no scheme", () => "plaintext"],
    ["another scheme", () => "bcrypt$10$abc"],
    ["scheme only", () => "scrypt"],
    ["empty fields", () => "scrypt$$$$$"],
    ["missing key", (salt: string) => `scrypt$32768$8$1$${salt}`],
    ["wrong scheme name", (salt: string, key: string) => `argon2$32768$8$1$${salt}$${key}`],
    ["N not a number", (salt: string, key: string) => `scrypt$abc$8$1$${salt}$${key}`],
    ["r not a number", (salt: string, key: string) => `scrypt$32768$x$1$${salt}$${key}`],
    ["N fractional", (salt: string, key: string) => `scrypt$1.5$8$1$${salt}$${key}`],
  ])("%s: returns false", async (_label, make) => {
    await expect(verifyPassword("pw", await withParts(make))).resolves.toBe(false);
  });

  it.each([
    ["N not a power of two", (salt: string, key: string) => `scrypt$3$8$1$${salt}$${key}`],
    ["N negative", (salt: string, key: string) => `scrypt$-2$8$1$${salt}$${key}`],
    ["N needing more than maxmem", (salt: string, key: string) => `scrypt$1073741824$8$1$${salt}$${key}`],
  ])("%s: returns false instead of throwing", async (_label, make) => {
    await expect(verifyPassword("pw", await withParts(make))).resolves.toBe(false);
  });

  it.each([
    ["key that decodes to zero bytes", (salt: string) => `scrypt$32768$8$1$${salt}$!!!!`],
    ["one-character key", (salt: string) => `scrypt$32768$8$1$${salt}$A`],
  ])("%s: no password verifies", async (_label, make) => {
    const stored = await withParts(make);
    for (const guess of ["pw", "anything at all", ""]) {
      await expect(verifyPassword(guess, stored), guess).resolves.toBe(false);
    }
  });

  it("a key truncated to a few bytes is not accepted as a hash", async () => {
    // With a 1-byte key, one guess in 256 would pass; a stored key must be the full 32 bytes.
    const stored = await withParts((salt, key) => `scrypt$32768$8$1$${salt}$${key.slice(0, 2)}`);
    await expect(verifyPassword("pw", stored)).resolves.toBe(false);
  });
});
