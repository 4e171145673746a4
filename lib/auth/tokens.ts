import { createHash, randomBytes } from "node:crypto";

/** 32 bytes from the OS CSPRNG: 256 bits, so guessing a live session id is hopeless. */
export const SESSION_ID_BYTES = 32;

export function randomToken(bytes = SESSION_ID_BYTES): string {
  return randomBytes(bytes).toString("base64url");
}

/** What the database keeps instead of a token: a leaked table yields no cookie anyone can use. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

/** Bits of entropy in a base64url token made by randomToken: its decoded bytes (43 characters = 32 bytes). */
export function tokenEntropyBits(token: string): number {
  return /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, "base64url").length * 8 : 0;
}
