import "server-only";
import { type RateLimiterAbstract, RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { type LimiterFactory, stores } from "@/lib/store";
import { outageLeft } from "@/lib/store/gate";
import { sha256 } from "./tokens";

/**
 * Brute-force limits for sign-in, counted where lib/store says (Redis when REDIS_URL is set, else
 * the database), so every instance of a cluster shares one count:
 *  - failed passwords per account and per client address: an attempt takes a point before the
 *    password is checked (so a burst of parallel guesses is bounded too), a success gives it back;
 *  - magic links per address asked for and per client address: every request counts.
 * Windows run on the wall clock: time travel is for sessions, not for an attacker's patience.
 */
export interface Blocked {
  retryAfterS: number;
  reason: string;
}

interface Limiters {
  account: RateLimiterAbstract;
  address: RateLimiterAbstract;
  linkTo: RateLimiterAbstract;
  linkFrom: RateLimiterAbstract;
}

const shared = globalThis as unknown as {
  sessionLabLimiters?: Limiters;
  sessionLabMemoryLimiters?: Limiters;
};

function build(make: LimiterFactory): Limiters {
  const duration = env.AUTH_RATE_LIMIT_WINDOW;
  return {
    account: make({ keyPrefix: "pw-account", points: env.AUTH_RATE_LIMIT_ACCOUNT, duration }),
    address: make({ keyPrefix: "pw-address", points: env.AUTH_RATE_LIMIT_ADDRESS, duration }),
    linkTo: make({ keyPrefix: "ml-to", points: env.AUTH_RATE_LIMIT_MAGIC_LINK, duration }),
    linkFrom: make({ keyPrefix: "ml-from", points: env.AUTH_RATE_LIMIT_MAGIC_LINK * 4, duration }),
  };
}

/** The shared counters, or this instance's memory while their store is down (simulated or real). */
function limiters(): Limiters {
  const { limiter, denyListKind } = stores();
  if (outageLeft(denyListKind) > 0) {
    shared.sessionLabMemoryLimiters ??= build((o) => new RateLimiterMemory(o));
    return shared.sessionLabMemoryLimiters;
  }
  shared.sessionLabLimiters ??= build(limiter);
  return shared.sessionLabLimiters;
}

const seconds = (res: Pick<RateLimiterRes, "msBeforeNext">) =>
  Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * The seconds to wait when `error` is a limiter's refusal (a RateLimiterRes), else null. By its
 * shape, not `instanceof`: the limiters live on globalThis, made by whichever Next bundle asked first, and
 * another bundle (a server action, a route handler) has its own copy of the class, so a refusal
 * would pass for an unknown error there and the user would read "something went wrong".
 */
export function refusedFor(error: unknown): number | null {
  const e = error as Partial<Record<"msBeforeNext" | "remainingPoints" | "consumedPoints", unknown>> | null;
  if (
    typeof e === "object" &&
    e !== null &&
    !(e instanceof Error) &&
    typeof e.msBeforeNext === "number" &&
    typeof e.remainingPoints === "number" &&
    typeof e.consumedPoints === "number"
  )
    return seconds({ msBeforeNext: e.msBeforeNext });
  return null;
}
// Keys are hashed: short and fixed-length in every store, and no address sits in a counter table.
const key = (value: string) => sha256(value.trim().toLowerCase());
const addressKey = (ip: string | null) => key(ip ?? "unknown-address");

/** Would a password attempt be refused right now? (No point taken.) */
export async function passwordBlocked(email: string, ip: string | null): Promise<Blocked | null> {
  const l = limiters();
  const [account, address] = await Promise.all([l.account.get(key(email)), l.address.get(addressKey(ip))]);
  if (account && account.consumedPoints >= env.AUTH_RATE_LIMIT_ACCOUNT)
    return { retryAfterS: seconds(account), reason: "Too many failed sign-ins for this account." };
  if (address && address.consumedPoints >= env.AUTH_RATE_LIMIT_ADDRESS)
    return { retryAfterS: seconds(address), reason: "Too many failed sign-ins from your network address." };
  return null;
}

/** Take a point for an attempt that is about to check a password; refused when either count is used up. */
export async function takePasswordAttempt(email: string, ip: string | null): Promise<Blocked | null> {
  const l = limiters();
  try {
    await Promise.all([l.account.consume(key(email)), l.address.consume(addressKey(ip))]);
    return null;
  } catch (error) {
    const retryAfterS = refusedFor(error);
    if (retryAfterS !== null) return { retryAfterS, reason: "Too many failed sign-ins." };
    throw error;
  }
}

/** A right password: this account's count starts over, and the address gets its point back. */
export async function passwordSucceeded(email: string, ip: string | null): Promise<void> {
  const l = limiters();
  await Promise.all([l.account.delete(key(email)), l.address.reward(addressKey(ip))]);
}

export async function takeMagicLink(email: string, ip: string | null): Promise<Blocked | null> {
  const l = limiters();
  try {
    await Promise.all([l.linkTo.consume(key(email)), l.linkFrom.consume(addressKey(ip))]);
    return null;
  } catch (error) {
    const retryAfterS = refusedFor(error);
    if (retryAfterS !== null) return { retryAfterS, reason: "Too many sign-in links asked for." };
    throw error;
  }
}
