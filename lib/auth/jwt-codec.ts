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

export type JwtMode = "jwt" | "jwt-refresh";

export interface CodecOptions {
  /** The mode this request runs in. A token carries the mode it was made for; another mode refuses it. */
  mode: JwtMode;
  enforceDenyList: boolean;
}

/**
 * The token's own mode decides its lifetime, never the request: a plain JWT slides (each
 * re-issue pushes exp forward, Auth.js's idle timeout); a refresh-mode access token keeps its exp,
 * so only the refresh token can extend access.
 */
function expiryFor(token: Record<string, unknown>, mode: JwtMode, iat: number): number {
  if (mode === "jwt-refresh")
    return typeof token.exp === "number" ? token.exp : iat + env.AUTH_ACCESS_TOKEN_TTL;
  return iat + env.AUTH_SESSION_MAX_AGE;
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
  const mode: JwtMode = token.mode === "jwt-refresh" || token.mode === "jwt" ? token.mode : opts.mode;
  // The absolute timeout caps exp: re-issuing a token can never carry it past the original sign-in + limit.
  const exp = Math.min(expiryFor(token, mode, iat), authTime + env.AUTH_ABSOLUTE_MAX_AGE);
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  return new EncryptJWT({ ...claims, mode, authTime, kidName: key.id } as JWTPayload)
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
  const made = payload.mode === "jwt-refresh" ? "jwt-refresh" : "jwt";
  if (made !== opts.mode) {
    // Otherwise a thief could send a one-minute refresh-mode token under "jwt" and have it re-issued for hours.
    reject(
      `This token was made for the ${made === "jwt" ? "JWT" : "JWT + refresh"} mode; this request runs in another mode.`,
    );
    return null;
  }
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
