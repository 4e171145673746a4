import "server-only";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import { COOKIES } from "@/lib/auth/cookies";
import { decodeSessionJwt } from "@/lib/auth/jwt-codec";
import { publishedJwks } from "@/lib/auth/signing-keys";
import { nowSeconds } from "@/lib/clock";
import { recordCheckpoint } from "./evaluate";

/**
 * The JWT lab's decoder: what anybody holding a token can read without a key, next to what only
 * the server can. A JWE session token (5 parts) shows its header and nothing else; a JWS access
 * token (3 parts) shows everything. When the server's own keys confirm the token is the caller's,
 * the checkpoint is recorded: proof they looked at a real token of theirs.
 */
export interface Decoded {
  kind: "jwe" | "jws";
  header: Record<string, unknown>;
  /** JWS: the claims anyone can read. JWE: null (ciphertext). */
  readable: Record<string, unknown> | null;
  ciphertextBytes: number | null;
  /** What the server's key says about it, in a sentence. */
  serverSays: string;
}

const bytes = (b64url: string) => Math.floor((b64url.length * 3) / 4);

export async function decodeForLab(token: string, userId: string): Promise<Decoded | string> {
  const parts = token.trim().split(".");
  if (parts.length === 5) return jwe(token.trim(), parts, userId);
  if (parts.length === 3) return jws(token.trim(), userId);
  return `That is not a JWT: a JWE has five parts separated by dots, a JWS three (this has ${parts.length}).`;
}

async function jwe(token: string, parts: string[], userId: string): Promise<Decoded | string> {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch {
    return "The first part is not a readable header: the token was cut short or changed.";
  }
  const salt = COOKIES.session.name(false);
  const secureSalt = COOKIES.session.name(true);
  let decoded = await decodeSessionJwt(token, salt, "any", nowSeconds());
  if (!decoded.ok && decoded.limit === "key")
    decoded = await decodeSessionJwt(token, secureSalt, "any", nowSeconds());
  const mine = decoded.ok && decoded.claims.sub === userId;
  if (mine) await recordCheckpoint(userId, "jwt:read-jwe");
  return {
    kind: "jwe",
    header,
    readable: null,
    ciphertextBytes: bytes(parts[3] ?? ""),
    serverSays: decoded.ok
      ? mine
        ? `The server decrypted it with key ${decoded.keyId}: your session (${decoded.claims.mode} mode). Without that key the payload is noise.`
        : "The server decrypted it, but it is someone else's session: nothing is recorded for you."
      : `The server could not accept it: ${decoded.reason}`,
  };
}

async function jws(token: string, userId: string): Promise<Decoded | string> {
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
    claims = decodeJwt(token) as Record<string, unknown>;
  } catch {
    return "The header or payload is not base64url JSON: the token was cut short or changed.";
  }
  let serverSays: string;
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(await publishedJwks()));
    const mine = payload.sub === userId;
    if (mine) await recordCheckpoint(userId, "jwt:read-jws");
    serverSays = mine
      ? "The signature checks out with this app's public key: issued to you. Anyone could read it; nobody can change it."
      : "A valid signature, but issued to someone else: nothing is recorded for you.";
  } catch (error) {
    serverSays = `The signature does not verify with this app's public keys (${error instanceof Error ? error.message : "invalid"}). Reading it still worked: a signature hides nothing.`;
  }
  return { kind: "jws", header, readable: claims, ciphertextBytes: null, serverSays };
}
