import "server-only";
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import pLimit from "p-limit";
import { env } from "@/lib/env";

const scrypt = promisify(scryptCb) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;

// scrypt with N=2^15: ~50 ms per guess on a laptop core; memory-hard so GPUs gain little.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LEN = 32;

/** Format: scrypt$N$r$p$salt$hash (base64url), self-describing so parameters can grow later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await limited(() => scrypt(password.normalize("NFKC"), salt, KEY_LEN, PARAMS));
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join(
    "$",
  );
}

/**
 * scrypt runs on libuv's thread pool (4 threads), which WebCrypto shares: every JWT decrypt goes
 * there too. Eight parallel guesses would fill it and make every signed-in user wait. So only
 * AUTH_HASH_CONCURRENCY hashes run at once, and a queue longer than this is refused outright.
 */
const hashing = pLimit(env.AUTH_HASH_CONCURRENCY);
const MAX_QUEUE = 64;

export class HashingBusyError extends Error {
  constructor() {
    super("Too many sign-ins are being checked right now.");
    this.name = "HashingBusyError";
  }
}

function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (hashing.pendingCount >= MAX_QUEUE) return Promise.reject(new HashingBusyError());
  return hashing(fn);
}

/**
 * A stored hash is data too: a corrupt or hostile row must mean "wrong password", never "any
 * password" (an empty key compares equal to an empty key) and never an exception.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split("$");
  if (scheme !== "scrypt" || !saltB64 || !keyB64) return false;
  const salt = Buffer.from(saltB64, "base64url");
  const expected = Buffer.from(keyB64, "base64url");
  const params = { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem };
  if (!validParams(params.N, params.r, params.p) || salt.length < 16 || expected.length !== KEY_LEN)
    return false;
  try {
    const key = await limited(() => scrypt(password.normalize("NFKC"), salt, KEY_LEN, params));
    return timingSafeEqual(key, expected);
  } catch (error) {
    if (error instanceof HashingBusyError) throw error;
    return false;
  }
}

function validParams(N: number, r: number, p: number): boolean {
  const int = (v: number, lo: number, hi: number) => Number.isSafeInteger(v) && v >= lo && v <= hi;
  return int(N, 2 ** 10, 2 ** 17) && (N & (N - 1)) === 0 && int(r, 1, 32) && int(p, 1, 4);
}

/** Compared against when the user does not exist, so "unknown user" costs as long as "wrong password". */
export const DUMMY_HASH =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
