import "server-only";
import { decodeProtectedHeader, EncryptJWT, errors, type JWTPayload, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";
import { nowSeconds } from "@/lib/clock";
import { env } from "@/lib/env";
import { isDenied } from "./deny-list";
import { keyMaterial, usableKeys } from "./keyring";
import { randomToken } from "./tokens";
import { fact, reject, step } from "./trace";

/**
 * Session JWTs in Auth.js's own format (JWE, alg "dir", enc A256CBC-HS512, HKDF key per cookie
 * name), with three things Auth.js's default codec cannot do: a rotating keyring, the auth clock
 * instead of the wall clock, and an optional deny-list check. Every refusal says why.
 */
export const CLOCK_TOLERANCE_S = 15;
const ENC = "A256CBC-HS512" as const;

export interface CodecOptions {
  /** Seconds this token may live from now (short in refresh mode). */
  ttl: number;
  enforceDenyList: boolean;
  /**
   * true: every re-encode pushes exp forward (Auth.js's sliding idle timeout).
   * false: a re-encoded token keeps its exp; only a refresh token can extend access.
   */
  slide: boolean;
}

export async function encodeSessionJwt(
  { token = {}, salt }: JWTEncodeParams,
  opts: CodecOptions,
): Promise<string> {
  const [key] = await usableKeys();
  if (!key) throw new Error("no active session key");
  const { cek, kid } = await keyMaterial(key, salt);
  const iat = nowSeconds();
  const authTime = typeof token.authTime === "number" ? token.authTime : iat;
  // The absolute timeout caps exp: refreshing a token can never carry it past the original sign-in + limit.
  const fixed = !opts.slide && typeof token.exp === "number" ? token.exp : null;
  const exp = Math.min(fixed ?? iat + opts.ttl, authTime + env.AUTH_ABSOLUTE_MAX_AGE);
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  return new EncryptJWT({ ...claims, kidName: key.id } as JWTPayload)
    .setProtectedHeader({ alg: "dir", enc: ENC, kid })
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(randomToken(16))
    .encrypt(cek);
}

export async function decodeSessionJwt(
  { token, salt }: JWTDecodeParams,
  opts: CodecOptions,
): Promise<JWT | null> {
  if (!token) return null;
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    reject("The cookie is not a JWE at all (wrong mode, truncated or made up).");
    return null;
  }
  const payload = await step("JWT: find the key (kid) and decrypt + verify the tag", async () => {
    for (const key of await usableKeys()) {
      const material = await keyMaterial(key, salt);
      if (kid !== undefined && kid !== material.kid) continue;
      const { cek } = material;
      fact("keyId", key.id);
      try {
        const { payload } = await jwtDecrypt(token, cek, {
          currentDate: new Date(nowSeconds() * 1000),
          clockTolerance: CLOCK_TOLERANCE_S,
          keyManagementAlgorithms: ["dir"],
          contentEncryptionAlgorithms: [ENC, "A256GCM"],
        });
        return payload;
      } catch (error) {
        reject(explain(error));
        return null;
      }
    }
    reject(
      "No key on this server can decrypt the token: its key was retired (hard rotation) or it is foreign.",
    );
    return null;
  });
  if (!payload) return null;
  const authTime = Number(payload.authTime ?? payload.iat ?? 0);
  if (authTime + env.AUTH_ABSOLUTE_MAX_AGE <= nowSeconds()) {
    reject("The token passed its absolute timeout (counted from the original sign-in).");
    return null;
  }
  if (opts.enforceDenyList && typeof payload.sid === "string" && typeof payload.sub === "string") {
    const denied = await isDenied({ sid: payload.sid, sub: payload.sub, authTime });
    if (denied) {
      reject(denied);
      return null;
    }
  }
  fact("claims", JSON.stringify(payload));
  return payload as JWT;
}

function explain(error: unknown): string {
  if (error instanceof errors.JWTExpired)
    return "The token expired (its exp is in the past on the auth clock).";
  if (error instanceof errors.JWEDecryptionFailed)
    return "Decryption failed: the token was tampered with or made with another key.";
  if (error instanceof errors.JOSEError) return `The token is malformed (${error.code}).`;
  return "The token could not be read.";
}
