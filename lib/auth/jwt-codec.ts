import "server-only";
import { decodeProtectedHeader, EncryptJWT, type JWTPayload } from "jose";
import { type LabClaims, parseClaims } from "./claims";
import { decryptDir } from "./jwe-dir";
import { DECODE_ENCS, ENCODE_ENC, type Enc, findKey, keyMaterial, usableKeys } from "./keyring";
import { lifetimes } from "./lifetimes";
import type { JwtMode } from "./strategy";
import { randomToken } from "./tokens";
import { step } from "./trace";

/**
 * Session JWTs in Auth.js's own format (JWE, alg "dir", HKDF key per cookie name, kid = the
 * key's thumbprint), so any Auth.js-based service holding the secret can read them. New tokens
 * use A256GCM; Auth.js's default A256CBC-HS512 still decodes. What Auth.js's codec cannot do is
 * added here: a rotating keyring, the auth clock instead of the wall clock, and a refusal that
 * names the limit that fired.
 */
export const CLOCK_TOLERANCE_S = 15;

/** Which rule refused a credential. Every refusal in the lab names one. */
export type Limit =
  | "malformed"
  | "key"
  | "tampered"
  | "mode"
  | "absolute"
  | "idle"
  | "access"
  | "revoked"
  | "deny-list"
  | "store";

export type Decoded =
  | { ok: true; claims: LabClaims; keyId: string; enc: Enc }
  | { ok: false; limit: Limit; reason: string };

const MODE_LABEL: Record<JwtMode, string> = { jwt: "JWT", "jwt-refresh": "JWT + refresh" };

/**
 * The token's own mode decides its lifetime, never the request: a plain JWT slides (each
 * re-issue pushes exp forward: the idle timeout); a refresh-mode access token keeps its exp,
 * so only the refresh token can extend access. The absolute timeout caps both.
 */
function expiryFor(claims: Partial<LabClaims>, mode: JwtMode, iat: number, authTime: number): number {
  const l = lifetimes();
  const own = mode === "jwt-refresh" ? (claims.exp ?? iat + l.accessS) : iat + l.idleS;
  return Math.min(own, authTime + l.absoluteS);
}

export type NewClaims = Omit<LabClaims, "iat" | "exp" | "jti" | "kidName" | "persistent" | "role"> &
  Partial<Pick<LabClaims, "exp" | "persistent" | "role">>;

/** `at`: seconds on the auth clock. Takes new claims, or a decoded token's claims to re-issue. */
export async function encodeSessionJwt(
  claims: NewClaims | LabClaims,
  salt: string,
  at: number,
): Promise<string> {
  const [key] = await usableKeys();
  if (!key) throw new Error("no active session key");
  const { cek, kid } = await keyMaterial(key, salt, ENCODE_ENC);
  const exp = expiryFor(claims, claims.mode, at, claims.authTime);
  // Registered claims are set below; a re-issued token must not carry the old ones over.
  const { exp: _exp, iat: _iat, jti: _jti, kidName: _kid, ...body } = claims as Partial<LabClaims>;
  return new EncryptJWT({ ...body, kidName: key.id } as JWTPayload)
    .setProtectedHeader({ alg: "dir", enc: ENCODE_ENC, kid })
    .setIssuedAt(at)
    .setExpirationTime(exp)
    .setJti(randomToken(16))
    .encrypt(cek);
}

/**
 * Decrypt, then judge on the auth clock `at` (seconds), in this order: the absolute timeout (so a
 * token past both limits is reported as past the absolute one), then exp (idle timeout, or the
 * access token's life in refresh mode), then the mode it was made for. A bearer token (no mode
 * cookie to go by) is read as "any": the mode it carries is the mode it is judged in.
 */
export async function decodeSessionJwt(
  token: string,
  salt: string,
  mode: JwtMode | "any",
  at: number,
): Promise<Decoded> {
  let header: { kid?: string; enc?: string; alg?: string; [name: string]: unknown };
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return {
      ok: false,
      limit: "malformed",
      reason: "The cookie is not a JWE at all (wrong mode, truncated or made up).",
    };
  }
  const enc = DECODE_ENCS.find((e) => e === header.enc);
  if (header.alg !== "dir" || !enc)
    return {
      ok: false,
      limit: "malformed",
      reason: `The token's header asks for ${header.alg}/${header.enc}, which this server never issues.`,
    };
  const material = await step("key.lookup", () => findKey(header.kid, enc, salt), {
    detail: (m) => (m ? `key ${m.key.id}` : "no such key"),
  });
  if (!material)
    return {
      ok: false,
      limit: "key",
      reason:
        "No key on this server can decrypt the token: its key was retired (hard rotation) or it is foreign.",
    };

  let payload: unknown;
  try {
    const plaintext = await step("jwt.decrypt", () => decryptDir(token, material.cek, enc, header));
    payload = JSON.parse(new TextDecoder().decode(plaintext));
  } catch {
    return {
      ok: false,
      limit: "tampered",
      reason: "Decryption failed: the token was tampered with or made with another key.",
    };
  }
  const claims = parseClaims(payload);
  if (!claims)
    return {
      ok: false,
      limit: "malformed",
      reason: "The token decrypted, but its claims are not ones this server issues.",
    };

  const l = lifetimes();
  if (claims.authTime + l.absoluteS <= at)
    return {
      ok: false,
      limit: "absolute",
      reason: "The token passed its absolute timeout (counted from the original sign-in).",
    };
  if (claims.exp + CLOCK_TOLERANCE_S <= at) {
    return claims.mode === "jwt-refresh"
      ? {
          ok: false,
          limit: "access",
          reason: "The access token expired (it lives only seconds; the refresh token renews it).",
        }
      : {
          ok: false,
          limit: "idle",
          reason: "The token passed its idle timeout (its exp is in the past on the auth clock).",
        };
  }
  if (mode !== "any" && claims.mode !== mode) {
    // Otherwise a thief could send a one-minute refresh-mode token under "jwt" and have it re-issued for hours.
    return {
      ok: false,
      limit: "mode",
      reason: `This token was made for the ${MODE_LABEL[claims.mode]} mode; this request runs in another mode.`,
    };
  }
  return { ok: true, claims, keyId: material.key.id, enc };
}
