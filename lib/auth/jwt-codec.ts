import "server-only";
import { isUtf8 } from "node:buffer";
import { decodeProtectedHeader, EncryptJWT, type JWTPayload } from "jose";
import { type LabClaims, parseClaims } from "./claims";
import { decryptDir, decryptPlain, plainHeader, plainParts } from "./jwe-dir";
import {
  DECODE_ENCS,
  ENCODE_ENC,
  type Enc,
  findKey,
  findKeyNow,
  type KeyMaterial,
  keyMaterial,
  usableKeys,
} from "./keyring";
import { lifetimes } from "./lifetimes";
import type { JwtMode } from "./strategy";
import { randomToken } from "./tokens";
import { recordStep, step, stepSync } from "./trace";

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

type Header = { kid?: string; enc?: string; alg?: string; [name: string]: unknown };

const NOT_A_JWE: Decoded = {
  ok: false,
  limit: "malformed",
  reason: "The cookie is not a JWE at all (wrong mode, truncated or made up).",
};
const NO_KEY: Decoded = {
  ok: false,
  limit: "key",
  reason:
    "No key on this server can decrypt the token: its key was retired (hard rotation) or it is foreign.",
};
const TAMPERED: Decoded = {
  ok: false,
  limit: "tampered",
  reason: "Decryption failed: the token was tampered with or made with another key.",
};

/**
 * Decrypt, then judge on the auth clock `at` (seconds), in this order: the absolute timeout (so a
 * token past both limits is reported as past the absolute one), then exp (idle timeout, or the
 * access token's life in refresh mode), then the mode it was made for. A bearer token (no mode
 * cookie to go by) is read as "any": the mode it carries is the mode it is judged in.
 *
 * Every token this app issues is read without waiting on anything (decodeNow). Only the first
 * token after a start or a rotation, and shapes only jose reads, take the awaited path; both give
 * the same answers (tests/jwt-codec.test.ts runs both over a corpus of mutated tokens).
 */
export function decodeSessionJwt(
  token: string,
  salt: string,
  mode: JwtMode | "any",
  at: number,
): Promise<Decoded> {
  const now = decodeNow(token, salt, mode, at);
  return now ? Promise.resolve(now) : decodeAwaiting(token, salt, mode, at);
}

/**
 * Protected headers already read, by their base64url text. Every token made with one key for one
 * cookie name carries the same header, so this holds a handful of entries; it caches how a header
 * reads, never what a token says or whether it is still valid.
 */
const HEADERS_KEPT = 32;
const headers = new Map<string, PlainHeader | null>();
type PlainHeader = { alg?: unknown; enc?: unknown; kid?: unknown };

/** A plain header (alg, enc, kid), null when it is not a JSON object, undefined when jose must read it. */
function readPlainHeader(b64: string): PlainHeader | null | undefined {
  const known = headers.get(b64);
  if (known !== undefined) return known;
  const bytes = Buffer.from(b64, "base64url");
  let header: unknown = null;
  if (isUtf8(bytes)) {
    try {
      header = JSON.parse(bytes.toString("utf8"));
    } catch {}
  }
  let read: PlainHeader | null | undefined = null;
  if (typeof header === "object" && header !== null && !Array.isArray(header))
    read = plainHeader(header as Header) ? (header as PlainHeader) : undefined;
  if (read === undefined) return undefined;
  if (headers.size >= HEADERS_KEPT) headers.clear(); // made-up headers must not grow it without end
  headers.set(b64, read);
  return read;
}

/** The synchronous path: undefined when the token's shape or the key ring needs the awaited one. */
export function decodeNow(
  token: string,
  salt: string,
  mode: JwtMode | "any",
  at: number,
): Decoded | undefined {
  const parts = plainParts(token);
  if (!parts) return undefined;
  const header = readPlainHeader(parts[0] ?? "");
  if (header === undefined) return undefined;
  if (header === null) return NOT_A_JWE;
  const { alg, enc: named, kid } = header;
  const enc = DECODE_ENCS.find((e) => e === named);
  if (alg !== "dir" || !enc) return unsupported(alg, named);
  const start = performance.now();
  // As the awaited path does: whatever `kid` holds is compared as it is (a number matches no key).
  const material = findKeyNow(kid as string | undefined, enc, salt);
  if (material === undefined) return undefined;
  recordStep("key.lookup", start, true, material ? `key ${material.key.id}` : "no such key");
  if (!material) return NO_KEY;
  let payload: unknown;
  try {
    payload = JSON.parse(stepSync("jwt.decrypt", () => decryptPlain(parts, material.cek, enc)).toString());
  } catch {
    return TAMPERED;
  }
  return judge(payload, material, enc, mode, at);
}

export async function decodeAwaiting(
  token: string,
  salt: string,
  mode: JwtMode | "any",
  at: number,
): Promise<Decoded> {
  let header: Header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return NOT_A_JWE;
  }
  const enc = DECODE_ENCS.find((e) => e === header.enc);
  if (header.alg !== "dir" || !enc) return unsupported(header.alg, header.enc);
  const material = await step("key.lookup", () => findKey(header.kid, enc, salt), {
    detail: (m) => (m ? `key ${m.key.id}` : "no such key"),
  });
  if (!material) return NO_KEY;
  let payload: unknown;
  try {
    const plaintext = await step("jwt.decrypt", () => decryptDir(token, material.cek, enc, header));
    payload = JSON.parse(new TextDecoder().decode(plaintext));
  } catch {
    return TAMPERED;
  }
  return judge(payload, material, enc, mode, at);
}

function unsupported(alg: unknown, enc: unknown): Decoded {
  return {
    ok: false,
    limit: "malformed",
    reason: `The token's header asks for ${alg}/${enc}, which this server never issues.`,
  };
}

/** The claims of a decrypted token, judged on the auth clock. */
function judge(
  payload: unknown,
  material: KeyMaterial,
  enc: Enc,
  mode: JwtMode | "any",
  at: number,
): Decoded {
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
