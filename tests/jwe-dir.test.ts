import { randomBytes } from "node:crypto";
import { compactDecrypt, decodeProtectedHeader, EncryptJWT } from "jose";
import { describe, expect, it } from "vitest";
import { decryptDir } from "@/lib/auth/jwe-dir";
import type { Enc } from "@/lib/auth/keyring";
import { mutations } from "./support/jwe-mutations";

/**
 * The app's synchronous JWE decrypt against jose's: for valid tokens, every single-character
 * change in every part, added and dropped characters, padding, whitespace, odd headers and a
 * wrong key, both must agree (the same plaintext, or both refuse).
 */
async function verdict(fn: () => Promise<Uint8Array>): Promise<string> {
  try {
    return `ok:${Buffer.from(await fn()).toString("hex")}`;
  } catch {
    return "refused";
  }
}

async function compare(token: string, key: Uint8Array, enc: Enc): Promise<[string, string]> {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch {
    return ["refused", "refused"]; // the read path refuses these before decrypting
  }
  const jose = await verdict(
    async () =>
      (
        await compactDecrypt(token, key, {
          keyManagementAlgorithms: ["dir"],
          contentEncryptionAlgorithms: [enc],
        })
      ).plaintext,
  );
  const ours = await verdict(() => decryptDir(token, key, enc, header));
  return [ours, jose];
}

describe.each<Enc>(["A256GCM", "A256CBC-HS512"])("decryptDir and jose agree, %s", (enc) => {
  const key = new Uint8Array(randomBytes(enc === "A256GCM" ? 32 : 64));
  const make = (header: Record<string, unknown> = {}, k = key) =>
    new EncryptJWT({ sub: "user-1", sid: "s", n: "x".repeat(40) })
      .setProtectedHeader({ alg: "dir", enc, kid: "kid-1", ...header })
      .encrypt(k);

  it("a valid token decrypts to the same claims", async () => {
    const [ours, jose] = await compare(await make(), key, enc);
    expect(ours).toMatch(/^ok:/);
    expect(ours).toBe(jose);
  });

  it("every mutation gets the same verdict", async () => {
    const token = await make();
    const seen = { ok: 0, refused: 0 };
    for (const m of mutations(token)) {
      const [ours, jose] = await compare(m, key, enc);
      expect({ token: m, ours }).toEqual({ token: m, ours: jose });
      seen[ours === "refused" ? "refused" : "ok"]++;
    }
    // Some mutations keep the bytes (non-canonical trailing bits), most break the tag.
    expect(seen.refused).toBeGreaterThan(100);
  });

  it("another key, extra header fields, compression: the same verdict", async () => {
    const other = new Uint8Array(randomBytes(key.length));
    for (const token of [
      await make({}, other),
      await make({ typ: "JWT" }),
      await make({ cty: "JWT" }),
      await make({ zip: "DEF" }).catch(() => "a.b.c.d.e"),
    ]) {
      const [ours, jose] = await compare(token, key, enc);
      expect(ours).toBe(jose);
    }
  });
});
