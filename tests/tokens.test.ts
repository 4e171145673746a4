import { describe, expect, it } from "vitest";
import { randomToken, SESSION_ID_BYTES, sha256, tokenEntropyBits } from "@/lib/auth/tokens";

describe("randomToken", () => {
  it("defaults to 256 bits: 43 base64url characters", () => {
    const token = randomToken();
    expect(SESSION_ID_BYTES * 8).toBeGreaterThanOrEqual(256);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(tokenEntropyBits(token)).toBe(256);
  });

  it("never drops below 128 bits for the sizes the app uses", () => {
    expect(tokenEntropyBits(randomToken(16))).toBeGreaterThanOrEqual(128);
    expect(randomToken(12)).toHaveLength(16);
  });

  it("does not repeat over many draws and uses the whole alphabet", () => {
    const draws = Array.from({ length: 5000 }, () => randomToken());
    expect(new Set(draws).size).toBe(draws.length);
    const chars = new Set(draws.join(""));
    expect(chars.size).toBe(64);
  });
});

describe("sha256", () => {
  it("is deterministic, differs from its input and from other inputs", () => {
    const token = randomToken();
    expect(sha256(token)).toBe(sha256(token));
    expect(sha256(token)).not.toBe(token);
    expect(sha256(token)).not.toContain(token);
    expect(sha256(`${token}x`)).not.toBe(sha256(token));
  });

  it("is the standard SHA-256 digest in base64url", () => {
    expect(sha256("abc")).toBe(
      Buffer.from("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "hex").toString(
        "base64url",
      ),
    );
  });
});

describe("tokenEntropyBits", () => {
  it("counts the decoded bytes (43 characters are 32 bytes, not 258 bits) and 0 for anything else", () => {
    expect(tokenEntropyBits("AAAA")).toBe(24);
    expect(tokenEntropyBits("a-b_")).toBe(24);
    expect(tokenEntropyBits(randomToken())).toBe(256);
    expect(tokenEntropyBits(randomToken(16))).toBe(128);
    expect(tokenEntropyBits("")).toBe(0);
    expect(tokenEntropyBits("abc=")).toBe(0);
    expect(tokenEntropyBits("a+b/")).toBe(0);
  });
});
