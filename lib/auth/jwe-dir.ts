import "server-only";
import { createDecipheriv, createHmac, timingSafeEqual } from "node:crypto";
import { compactDecrypt } from "jose";
import type { Enc } from "./keyring";

/**
 * Decrypting a session JWE (alg "dir") in one synchronous step with node:crypto, instead of
 * jose's WebCrypto calls: those import the key again on every call and hop to the thread pool
 * (the same four threads a burst of password hashes fills), which made the decrypt cost ~100-400
 * µs under load for about 5 µs of AES work.
 *
 * Same answers as jose's compactDecrypt, or jose answers: anything outside the plain shape Auth.js
 * and this app issue (a header with more than alg/enc/kid, padding, whitespace, a part whose
 * length no base64url encoder produces) goes to jose unchanged. tests/jwe-dir.test.ts holds the
 * two to the same verdict on valid, mutated and foreign tokens.
 */
const PLAIN_PART = /^[A-Za-z0-9_-]*$/;
const HEADER_KEYS = new Set(["alg", "enc", "kid"]);
const SHAPE: Record<Enc, { iv: number; tag: number; key: number }> = {
  A256GCM: { iv: 12, tag: 16, key: 32 },
  "A256CBC-HS512": { iv: 16, tag: 32, key: 64 },
};

export class JweDecryptionError extends Error {}

/**
 * The five parts of a JWE in the plain shape this module decrypts itself (dir: an empty key part;
 * only base64url characters, in lengths an encoder produces); null for anything else.
 */
export function plainParts(token: string): string[] | null {
  const parts = token.split(".");
  const plain =
    parts.length === 5 && parts[1] === "" && parts.every((p) => p.length % 4 !== 1 && PLAIN_PART.test(p));
  return plain ? parts : null;
}

/** A protected header that names nothing beyond alg, enc and kid. */
export const plainHeader = (header: Record<string, unknown>) =>
  Object.keys(header).every((k) => HEADER_KEYS.has(k));

export async function decryptDir(
  token: string,
  cek: Uint8Array,
  enc: Enc,
  header: Record<string, unknown>,
): Promise<Uint8Array> {
  const parts = plainParts(token);
  if (parts && plainHeader(header)) return new Uint8Array(decryptPlain(parts, cek, enc));
  const { plaintext } = await compactDecrypt(token, cek, {
    keyManagementAlgorithms: ["dir"],
    contentEncryptionAlgorithms: [enc],
  });
  return plaintext;
}

/** Decrypts parts that passed plainParts, under a header that passed plainHeader. Synchronous. */
export function decryptPlain(parts: string[], cek: Uint8Array, enc: Enc): Buffer {
  const [protectedB64 = "", , ivB64 = "", ctB64 = "", tagB64 = ""] = parts;
  const shape = SHAPE[enc];
  const iv = Buffer.from(ivB64, "base64url");
  const ciphertext = Buffer.from(ctB64, "base64url");
  const tag = Buffer.from(tagB64, "base64url");
  const aad = Buffer.from(protectedB64, "ascii");
  if (iv.length !== shape.iv || tag.length !== shape.tag || cek.byteLength !== shape.key)
    throw new JweDecryptionError("malformed JWE");
  try {
    if (enc === "A256GCM") {
      const d = createDecipheriv("aes-256-gcm", cek, iv, { authTagLength: 16 });
      d.setAAD(aad);
      d.setAuthTag(tag);
      const plaintext = d.update(ciphertext);
      d.final(); // checks the tag; GCM is a stream mode, so final() adds no bytes
      return plaintext;
    }
    // A256CBC-HS512 (RFC 7518 5.2.2): MAC key first, then the AES key; tag = HMAC-SHA512 truncated.
    const macKey = cek.subarray(0, 32);
    const encKey = cek.subarray(32);
    const al = Buffer.alloc(8);
    al.writeBigUInt64BE(BigInt(aad.length * 8));
    const mac = createHmac("sha512", macKey).update(aad).update(iv).update(ciphertext).update(al).digest();
    if (!timingSafeEqual(mac.subarray(0, 32), tag)) throw new JweDecryptionError("bad tag");
    const d = createDecipheriv("aes-256-cbc", encKey, iv);
    return Buffer.concat([d.update(ciphertext), d.final()]);
  } catch {
    throw new JweDecryptionError("decryption failed");
  }
}
