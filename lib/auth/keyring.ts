import "server-only";
import { hkdfSync } from "node:crypto";
import { base64url, calculateJwkThumbprint } from "jose";
import { now } from "@/lib/clock";
import { isSealed, seal, unseal } from "@/lib/crypto/seal";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { lifetimes } from "./lifetimes";
import { randomToken, sha256 } from "./tokens";

/**
 * The keys that encrypt session JWTs. One is active (encrypts new tokens); keys in "grace" still
 * decrypt old tokens; "retired" keys are gone for good, so every token they made fails at once.
 * The first key is AUTH_SECRET itself and is never written to the database; rotated keys are
 * stored sealed (lib/crypto/seal.ts), so a copy of the database cannot mint tokens.
 */
export type KeyStatus = "active" | "grace" | "retired";
export interface SessionKey {
  id: string;
  status: KeyStatus;
  createdAt: Date;
  secret: string;
  /** A short hash of the secret: tells two keys with the same id apart in caches. */
  fingerprint: string;
}

/** New tokens use A256GCM (Auth.js's decoder accepts it); A256CBC-HS512, Auth.js's default, still decodes. */
export type Enc = "A256GCM" | "A256CBC-HS512";
export const ENCODE_ENC: Enc = "A256GCM";
export const DECODE_ENCS: Enc[] = ["A256GCM", "A256CBC-HS512"];

const ENV_KEY_ID = "k1";
const REFRESH_MS = 1000;

interface Ring {
  keys: SessionKey[];
  at: number;
  loading: Promise<SessionKey[]> | null;
}
// On globalThis so every server bundle (pages, route handlers, proxy) sees a rotation at once.
const shared = globalThis as unknown as { sessionLabKeys?: Ring };
shared.sessionLabKeys ??= { keys: [], at: 0, loading: null };
const ring = shared.sessionLabKeys;

/** Auth.js's key derivation, so a token we make is one Auth.js (or any Auth.js-based service) can read. */
export function deriveKey(secret: string, salt: string, enc: Enc): Uint8Array {
  const length = enc === "A256GCM" ? 32 : 64;
  const info = `Auth.js Generated Encryption Key (${salt})`;
  return new Uint8Array(hkdfSync("sha256", secret, salt, info, length));
}

/** Auth.js puts this thumbprint in the token header as `kid`; we map it back to our key id. */
export async function thumbprint(key: Uint8Array): Promise<string> {
  return calculateJwkThumbprint(
    { kty: "oct", k: base64url.encode(key) },
    `sha${key.byteLength << 3}` as "sha256",
  );
}

export interface KeyMaterial {
  key: SessionKey;
  enc: Enc;
  cek: Uint8Array;
  kid: string;
}

/** HKDF and the thumbprint depend only on the key, the cookie name and enc: derived once per process. */
const derived = new Map<string, Promise<KeyMaterial>>();
/** The same, once derived: what a request can use without waiting. */
const ready = new Map<string, KeyMaterial>();

// Keyed by the secret too: a room reset deletes rotated keys, and a later k2 is another secret.
const materialId = (key: SessionKey, salt: string, enc: Enc) =>
  `${key.id}\u0000${key.fingerprint}\u0000${salt}\u0000${enc}`;

export function keyMaterial(key: SessionKey, salt: string, enc: Enc = ENCODE_ENC): Promise<KeyMaterial> {
  const id = materialId(key, salt, enc);
  let entry = derived.get(id);
  if (!entry) {
    const cek = deriveKey(key.secret, salt, enc);
    entry = thumbprint(cek).then((kid) => {
      const m = { key, enc, cek, kid };
      ready.set(id, m);
      return m;
    });
    derived.set(id, entry);
  }
  return entry;
}

async function load(): Promise<SessionKey[]> {
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
    (r.retiredAt?.getTime() ?? 0) + lifetimes().idleS * 1000;
  const keys: SessionKey[] = [];
  for (const r of rows) {
    let secret = r.id === ENV_KEY_ID ? env.AUTH_SECRET : (unseal(r.secret, "jwt-key") ?? "");
    if (r.id !== ENV_KEY_ID && !isSealed(r.secret) && r.secret) {
      // A key written before keys were sealed: seal it now, so the plain copy is gone.
      secret = r.secret;
      await db.jwtKey.update({ where: { id: r.id }, data: { secret: seal(secret, "jwt-key") } });
    }
    const status = (r.status === "grace" && graceEnd(r) < now() ? "retired" : r.status) as KeyStatus;
    // A key this server cannot unseal (another AUTH_SECRET) decrypts nothing: treat it as retired.
    keys.push({
      id: r.id,
      status: secret ? status : "retired",
      createdAt: r.createdAt,
      secret,
      fingerprint: sha256(secret).slice(0, 16),
    });
  }
  ring.keys = keys;
  ring.at = Date.now();
  return keys;
}

/** Every key; a value older than a second is refreshed in the background (only the first load waits). */
export async function listKeys(fresh = false): Promise<SessionKey[]> {
  if (fresh || ring.at === 0) {
    ring.loading ??= load().finally(() => {
      ring.loading = null;
    });
    return ring.loading;
  }
  return keysNow() ?? ring.keys;
}

/** The keys as last loaded, without waiting (a stale ring is refreshed in the background); null before the first load. */
function keysNow(): SessionKey[] | null {
  if (ring.at === 0) return null;
  if (Date.now() - ring.at >= REFRESH_MS && !ring.loading) {
    ring.loading = load()
      .catch(() => ring.keys)
      .finally(() => {
        ring.loading = null;
      });
  }
  return ring.keys;
}

const decrypting = (keys: SessionKey[]) => [
  ...keys.filter((k) => k.status === "active"),
  ...keys.filter((k) => k.status === "grace"),
];

/** Keys that may decrypt, active first (Auth.js's secret-array order: the first one encrypts). */
export async function usableKeys(): Promise<SessionKey[]> {
  return decrypting(await listKeys());
}

/** The key a token names: its `kid` is the thumbprint of the key derived for its `enc`. */
export async function findKey(kid: string | undefined, enc: Enc, salt: string): Promise<KeyMaterial | null> {
  for (const key of await usableKeys()) {
    const m = await keyMaterial(key, salt, enc);
    if (kid === undefined || kid === m.kid) return m;
  }
  return null;
}

/**
 * findKey without waiting, for the read path: the same answer when every usable key's material is
 * already derived; undefined when something must be waited for first (the first load of the ring,
 * a key not derived yet for this cookie name), and then the caller uses findKey.
 */
export function findKeyNow(kid: string | undefined, enc: Enc, salt: string): KeyMaterial | null | undefined {
  const keys = keysNow();
  if (!keys) return undefined;
  for (const key of decrypting(keys)) {
    const m = ready.get(materialId(key, salt, enc));
    if (!m) return undefined;
    if (kid === undefined || kid === m.kid) return m;
  }
  return null;
}

/**
 * Rotate: a fresh random key becomes active. "grace" keeps the old keys decrypting until their
 * tokens expire; "hard" retires them, which ends every JWT session at once.
 */
export async function rotateKeys(mode: "grace" | "hard"): Promise<SessionKey> {
  const keys = await listKeys(true);
  const id = `k${keys.length + 1}`;
  const at = new Date(now());
  const status = mode === "hard" ? "retired" : "grace";
  await db.$transaction([
    // Grace demotes only the active key (keys already in grace keep their clock); hard retires all.
    ...keys
      .filter((k) => (mode === "hard" ? k.status !== "retired" : k.status === "active"))
      .map((k) =>
        db.jwtKey.upsert({
          where: { id: k.id },
          create: { id: k.id, retiredAt: at, secret: "", status, createdAt: k.createdAt },
          update: { status, retiredAt: at },
        }),
      ),
    db.jwtKey.create({
      data: { id, secret: seal(randomToken(32), "jwt-key"), status: "active", createdAt: at },
    }),
  ]);
  const created = (await listKeys(true)).find((k) => k.id === id);
  if (!created) throw new Error("rotation did not store the new key");
  return created;
}
