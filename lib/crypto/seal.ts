import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Sealing: secrets the lab must keep in its database (rotated JWT keys, signing keys, the stolen
 * copies of the experiment, magic links in the dev mailbox) are stored encrypted with AES-256-GCM
 * under a key derived from AUTH_SECRET. A copy of the database alone then forges nothing and
 * replays nothing: the attacker also needs the server's environment.
 *
 * Format: "sealed.v1.<iv>.<ciphertext+tag>" (base64url). The purpose is bound in as associated
 * data, so a sealed signing key cannot be passed off as a sealed session key.
 */
const PREFIX = "sealed.v1.";
const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "session-lab seal", "Session Lab at-rest key v1", 32));
    keys.set(secret, key);
  }
  return key;
}

export type SealPurpose = "jwt-key" | "signing-key" | "stolen-copy" | "mail";

export function seal(plain: string, purpose: SealPurpose, secret = env.AUTH_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${iv.toString("base64url")}.${body.toString("base64url")}`;
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** The plain text, or null when the value was not sealed by this server for this purpose. */
export function unseal(value: string, purpose: SealPurpose, secret = env.AUTH_SECRET): string | null {
  if (!isSealed(value)) return null;
  const [ivB64, bodyB64] = value.slice(PREFIX.length).split(".");
  if (!ivB64 || !bodyB64) return null;
  try {
    const iv = Buffer.from(ivB64, "base64url");
    const body = Buffer.from(bodyB64, "base64url");
    if (iv.length !== 12 || body.length < 16) return null;
    const decipher = createDecipheriv("aes-256-gcm", keyFor(secret), iv);
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}
