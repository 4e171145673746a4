import "server-only";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { type Clock, wallClock } from "@/lib/clock";
import { seal, unseal } from "@/lib/crypto/seal";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { type KeyRow, type KeyState, type SettledKey, settleKeys } from "./signing-key-states";

/**
 * The key pairs that sign access tokens for other services (JWS, ES256). Only the public halves
 * leave the app, at /.well-known/jwks.json; the private JWK is sealed at rest (lib/crypto/seal.ts).
 *
 * Rotation is publish-then-sign: a new key is "next" (published, not signing) for
 * SIGNING_KEY_PUBLISH_LEAD seconds, so every verifier's JWKS cache has it before the first token
 * it signs arrives. The old key stays published ("previous") until every token it signed has
 * expired, plus a clock-skew allowance, then it is "retired".
 *
 * These times run on the wall clock, not the lab's auth clock: the verifiers are independent
 * systems with their own clocks, and the instructor's time travel cannot move theirs.
 */
export const SIGNING_ALG = "ES256";
/** Extra time a retiring key stays published, for verifiers whose clocks run a little behind. */
export const CLOCK_SKEW_S = 30;
export type { KeyState };

export interface SigningKeyInfo extends SettledKey {
  /** Epoch ms (wall clock): when a "previous" key leaves the JWKS. */
  unpublishAt: number | null;
}

/** How long a key stays published after it stops signing: its last token's life, plus skew. */
export const keepPublishedS = () => env.SERVICE_TOKEN_TTL + CLOCK_SKEW_S;

async function newKeyPair(state: "current" | "next", activatesAt: number, at: number) {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const pub = await exportJWK(publicKey);
  // The kid is the key's own RFC 7638 thumbprint: it names the key and cannot collide by accident.
  const kid = await calculateJwkThumbprint(pub);
  const jwk = { ...pub, kid, alg: SIGNING_ALG, use: "sig" };
  await db.signingKey.create({
    data: {
      kid,
      alg: SIGNING_ALG,
      publicJwk: JSON.stringify(jwk),
      privateJwk: seal(JSON.stringify({ ...(await exportJWK(privateKey)), kid }), "signing-key"),
      status: state,
      createdAt: new Date(at),
      activatesAt: new Date(activatesAt),
    },
  });
  return kid;
}

/** Read the keys and bring their stored states up to date with the clock (idempotent across instances). */
async function settled(clock: Clock): Promise<{ rows: KeyRow[]; keys: SettledKey[] }> {
  const rows = await db.signingKey.findMany({ orderBy: { activatesAt: "desc" } });
  const at = clock.now();
  const keys = settleKeys(rows, at, keepPublishedS());
  for (const k of keys) {
    const row = rows.find((r) => r.kid === k.kid);
    if (!row || (row.status === k.state && row.retiredAt?.getTime() === (k.retiredAt ?? undefined))) continue;
    // Guarded by the old status: if another instance settled it first, this changes nothing.
    await db.signingKey.updateMany({
      where: { kid: k.kid, status: row.status },
      data: { status: k.state, retiredAt: k.retiredAt === null ? null : new Date(k.retiredAt) },
    });
  }
  return { rows, keys };
}

// One first-key creation at a time in this process (a page and the JWKS route may ask together).
const shared = globalThis as unknown as { sessionLabFirstKey?: Promise<unknown> | null };

/** The keys with their states, newest first; the first key is created on first use. */
export async function listSigningKeys(clock: Clock = wallClock): Promise<SigningKeyInfo[]> {
  let { keys } = await settled(clock);
  if (!keys.some((k) => k.state === "current")) {
    // The very first key signs at once: no verifier can have cached anything yet.
    shared.sessionLabFirstKey ??= newKeyPair("current", clock.now(), clock.now()).finally(() => {
      shared.sessionLabFirstKey = null;
    });
    await shared.sessionLabFirstKey;
    keys = (await settled(clock)).keys;
  }
  return keys.map((k) => ({
    ...k,
    unpublishAt:
      k.state === "previous" && k.retiredAt !== null ? k.retiredAt + keepPublishedS() * 1000 : null,
  }));
}

/** The public keys verifiers may meet: the next one, the current one, and those still draining. */
export async function publishedJwks(clock: Clock = wallClock): Promise<{ keys: JWK[] }> {
  const keys = await listSigningKeys(clock);
  const rows = await db.signingKey.findMany({ where: { kid: { in: keys.map((k) => k.kid) } } });
  const published = keys.filter((k) => k.state !== "retired");
  return {
    keys: published.flatMap((k) => {
      const row = rows.find((r) => r.kid === k.kid);
      return row ? [JSON.parse(row.publicJwk) as JWK] : [];
    }),
  };
}

const privateKeys = new Map<string, Promise<CryptoKey>>();

/** The key that signs right now, ready to sign (imported once per process). */
export async function currentSigningKey(clock: Clock = wallClock): Promise<{ kid: string; key: CryptoKey }> {
  const current = (await listSigningKeys(clock)).find((k) => k.state === "current");
  if (!current) throw new Error("no current signing key");
  let key = privateKeys.get(current.kid);
  if (!key) {
    const row = await db.signingKey.findUniqueOrThrow({ where: { kid: current.kid } });
    const plain = unseal(row.privateJwk, "signing-key");
    // Sealed under another AUTH_SECRET: this server cannot sign with it. Say so rather than guess.
    if (!plain) throw new Error(`signing key ${current.kid} cannot be unsealed with this AUTH_SECRET`);
    key = importJWK(JSON.parse(plain) as JWK, SIGNING_ALG) as Promise<CryptoKey>;
    privateKeys.set(current.kid, key);
  }
  return { kid: current.kid, key: await key };
}

export type Rotation = { ok: true; key: SigningKeyInfo } | { ok: false; pending: SigningKeyInfo };

/** Publish a new key now; it starts signing after the publish lead. One rotation at a time. */
export async function rotateSigningKey(clock: Clock = wallClock): Promise<Rotation> {
  const before = await listSigningKeys(clock);
  const pending = before.find((k) => k.state === "next");
  if (pending) return { ok: false, pending };
  const at = clock.now();
  const kid = await newKeyPair("next", at + env.SIGNING_KEY_PUBLISH_LEAD * 1000, at);
  const key = (await listSigningKeys(clock)).find((k) => k.kid === kid);
  if (!key) throw new Error("rotation did not store the new signing key");
  return { ok: true, key: { ...key } };
}
