/**
 * The app's public keys, as this service holds them: jose's remote JWKS set (cached for
 * max-age, fetched again on an unknown kid once the cooldown has passed), with two additions:
 *  - every fetch goes through jose's custom fetch hook, which records it against the request
 *    that caused it, so a response can say truthfully whether it had to reach the app;
 *  - stale-if-error: when the app cannot be reached, keys from the last good fetch are used for
 *    a while, so an app restart does not stop verification. A key the app retired in the
 *    meantime is still trusted during that window: the price of not asking.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  type FlattenedJWSInput,
  type JWSHeaderParameters,
} from "jose";
import type { OrdersConfig } from "./config";

export const JWKS_PATH = "/.well-known/jwks.json";

/** Per request: what it had to reach, in words ("app JWKS (unknown kid)"), and why a fetch would happen. */
const requests = new AsyncLocalStorage<{ contacted: string[]; why: string }>();
export const contactsOfThisRequest = <T>(fn: () => Promise<T>) => {
  const store = { contacted: [] as string[], why: "" };
  return requests.run(store, fn).then((result) => ({ result, contacted: store.contacted }));
};
export const noteContact = (what: string) => requests.getStore()?.contacted.push(what);

/** Errors that say "this token names no key we have" rather than "we could not get the keys". */
const TOKEN_SIDE = new Set([
  "ERR_JWKS_NO_MATCHING_KEY",
  "ERR_JWKS_MULTIPLE_MATCHING_KEYS",
  "ERR_JOSE_NOT_SUPPORTED",
]);

export class KeysUnreachable extends Error {
  constructor(cause: unknown) {
    super(`the app's public keys could not be fetched (${cause instanceof Error ? cause.message : cause})`);
    this.name = "KeysUnreachable";
  }
}

export function appKeys(config: OrdersConfig) {
  let fetches = 0;
  let lastGoodAt = 0;
  const remote = createRemoteJWKSet(new URL(JWKS_PATH, config.appUrl), {
    cacheMaxAge: config.jwks.maxAgeMs,
    cooldownDuration: config.jwks.cooldownMs,
    timeoutDuration: 3000,
    [customFetch]: async (url, init) => {
      fetches++;
      noteContact(`app JWKS (${requests.getStore()?.why ?? "refresh"})`);
      const res = await fetch(url, init);
      if (res.status === 200) lastGoodAt = Date.now();
      return res;
    },
  });

  async function getKey(header: JWSHeaderParameters, token: FlattenedJWSInput) {
    // Why a fetch would happen now, decided before jose decides: it has no hook that says so.
    const store = requests.getStore();
    if (store) store.why = !remote.jwks() ? "first fetch" : !remote.fresh ? "cache expired" : "unknown kid";
    try {
      return await remote(header, token);
    } catch (error) {
      if (TOKEN_SIDE.has((error as { code?: string }).code ?? "")) throw error;
      const cached = remote.jwks();
      if (!cached || Date.now() - lastGoodAt > config.jwks.staleIfErrorMs) throw new KeysUnreachable(error);
      noteContact("(app unreachable: verified with the keys fetched before)");
      return createLocalJWKSet(cached)(header, token);
    }
  }

  return {
    getKey,
    /** For /health: what is cached, and how often the app was asked. */
    state: () => ({
      fetches,
      fresh: remote.fresh,
      kids: (remote.jwks()?.keys ?? []).map((k) => k.kid),
      lastFetchAgoS: lastGoodAt ? Math.round((Date.now() - lastGoodAt) / 1000) : null,
    }),
  };
}
export type AppKeys = ReturnType<typeof appKeys>;
