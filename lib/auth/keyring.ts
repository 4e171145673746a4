import "server-only";
import { hkdf } from "node:crypto";
import { promisify } from "node:util";
import { base64url, calculateJwkThumbprint } from "jose";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { randomToken } from "./tokens";

/**
 * The keys that encrypt session JWTs. One is active (encrypts new tokens); keys in "grace" still
 * decrypt old tokens; "retired" keys are gone for good, so every token they made fails at once.
 * The first key is AUTH_SECRET itself and is never written to the database.
 */
export type KeyStatus = "active" | "grace" | "retired";
export interface SessionKey {
  id: string;
  status: KeyStatus;
  createdAt: Date;
  secret: string;
}

const ENV_KEY_ID = "k1";
const CACHE_MS = 1000;
// On globalThis so every server bundle (pages, route handlers, proxy) sees a rotation at once.
const shared = globalThis as unknown as {
  sessionLabKeys?: { cache: { keys: SessionKey[]; at: number } | null };
};
shared.sessionLabKeys ??= { cache: null };
const ring = shared.sessionLabKeys;

const hkdfAsync = promisify(hkdf);

/** Auth.js's key derivation, so a token we make is one Auth.js (or any Auth.js-based service) can read. */
export async function deriveKey(
  secret: string,
  salt: string,
  enc: "A256CBC-HS512" | "A256GCM" = "A256CBC-HS512",
) {
  const length = enc === "A256GCM" ? 32 : 64;
  const info = `Auth.js Generated Encryption Key (${salt})`;
  return new Uint8Array(await hkdfAsync("sha256", secret, salt, info, length));
}

/** Auth.js puts this thumbprint in the token header as `kid`; we map it back to our key id. */
export async function thumbprint(key: Uint8Array): Promise<string> {
  return calculateJwkThumbprint(
    { kty: "oct", k: base64url.encode(key) },
    `sha${key.byteLength << 3}` as "sha512",
  );
}

/**
 * HKDF and the thumbprint cost more than the decryption itself, and they depend only on the
 * key and the cookie name: derive once per process.
 */
const derived = new Map<string, Promise<{ cek: Uint8Array; kid: string }>>();

export function keyMaterial(key: SessionKey, salt: string): Promise<{ cek: Uint8Array; kid: string }> {
  const id = `${key.id}\u0000${salt}`;
  let entry = derived.get(id);
  if (!entry) {
    entry = deriveKey(key.secret, salt).then(async (cek) => ({ cek, kid: await thumbprint(cek) }));
    derived.set(id, entry);
  }
  return entry;
}

export async function listKeys(): Promise<SessionKey[]> {
  if (ring.cache && Date.now() - ring.cache.at < CACHE_MS) return ring.cache.keys;
  const rows = await db.jwtKey.findMany({ orderBy: { createdAt: "desc" } });
  if (!rows.some((r) => r.id === ENV_KEY_ID)) {
    rows.push({
      id: ENV_KEY_ID,
      secret: "",
      status: rows.length ? "retired" : "active",
      createdAt: new Date(0),
      retiredAt: null,
    });
  }
  // A grace key stops decrypting once every token it could have made has expired anyway.
  const graceEnd = (r: { retiredAt: Date | null }) =>
    (r.retiredAt?.getTime() ?? 0) + env.AUTH_SESSION_MAX_AGE * 1000;
  const keys = rows.map((r) => ({
    id: r.id,
    status: (r.status === "grace" && graceEnd(r) < now() ? "retired" : r.status) as KeyStatus,
    createdAt: r.createdAt,
    secret: r.id === ENV_KEY_ID ? env.AUTH_SECRET : r.secret,
  }));
  ring.cache = { keys, at: Date.now() };
  return keys;
}

/** Keys that may decrypt, active first (Auth.js's secret-array order: the first one encrypts). */
export async function usableKeys(): Promise<SessionKey[]> {
  const keys = await listKeys();
  return [...keys.filter((k) => k.status === "active"), ...keys.filter((k) => k.status === "grace")];
}

/**
 * Rotate: a fresh random key becomes active. "grace" keeps the old keys decrypting until their
 * tokens expire; "hard" retires them, which ends every JWT session at once.
 */
export async function rotateKeys(mode: "grace" | "hard"): Promise<SessionKey> {
  const keys = await listKeys();
  const id = `k${keys.length + 1}`;
  const at = new Date(now());
  await db.$transaction([
    // Grace demotes only the active key (keys already in grace keep their clock); hard retires all.
    ...keys
      .filter((k) => (mode === "hard" ? k.status !== "retired" : k.status === "active"))
      .map((k) =>
        db.jwtKey.upsert({
          where: { id: k.id },
          create: {
            id: k.id,
            retiredAt: at,
            secret: k.id === ENV_KEY_ID ? "" : k.secret,
            status: mode === "hard" ? "retired" : "grace",
            createdAt: k.createdAt,
          },
          update: { status: mode === "hard" ? "retired" : "grace", retiredAt: at },
        }),
      ),
    db.jwtKey.create({ data: { id, secret: randomToken(32), status: "active", createdAt: at } }),
  ]);
  ring.cache = null;
  const created = (await listKeys()).find((k) => k.id === id);
  if (!created) throw new Error("rotation did not store the new key");
  return created;
}
