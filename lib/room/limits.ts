import "server-only";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { refusedFor } from "@/lib/auth/rate-limit";
import { sha256 } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { stores } from "@/lib/store";

/**
 * Rate limits for the room's doors, counted where the sign-in limits are (Redis or the database),
 * so a cluster shares one count. Windows run on the wall clock, like the password limits.
 *  - join: accounts created per client address (a script cannot fill the room with names);
 *  - pair: wrong pairing codes per client address (a code has 40 bits and lives minutes; this
 *    keeps guessing hopeless even so);
 *  - pairIssue: codes a participant may ask for (each new one replaces the last);
 *  - instructor: wrong instructor secrets per address, and in all (a distributed guesser).
 */
export type RoomDoor = "join" | "pair" | "pairIssue" | "instructorAddress" | "instructorAll";

const shared = globalThis as unknown as { sessionLabRoomLimiters?: Record<RoomDoor, RateLimiterAbstract> };

function limiters(): Record<RoomDoor, RateLimiterAbstract> {
  if (shared.sessionLabRoomLimiters) return shared.sessionLabRoomLimiters;
  const make = stores().limiter;
  const duration = env.AUTH_RATE_LIMIT_WINDOW;
  shared.sessionLabRoomLimiters = {
    join: make({ keyPrefix: "room-join", points: env.AUTH_RATE_LIMIT_ADDRESS, duration }),
    pair: make({ keyPrefix: "room-pair", points: env.AUTH_RATE_LIMIT_ADDRESS, duration }),
    pairIssue: make({ keyPrefix: "room-pair-issue", points: env.AUTH_RATE_LIMIT_ADDRESS, duration }),
    instructorAddress: make({ keyPrefix: "room-instr-ip", points: env.AUTH_RATE_LIMIT_ACCOUNT, duration }),
    instructorAll: make({ keyPrefix: "room-instr-all", points: env.AUTH_RATE_LIMIT_ADDRESS, duration }),
  };
  return shared.sessionLabRoomLimiters;
}

const keyOf = (value: string | null) => sha256(value ?? "unknown-address");

/** Take a point; the seconds to wait when the door is shut, else null. */
export async function takePoint(door: RoomDoor, who: string | null): Promise<number | null> {
  try {
    await limiters()[door].consume(keyOf(who));
    return null;
  } catch (error) {
    const wait = refusedFor(error);
    if (wait !== null) return wait;
    throw error;
  }
}

/** A success gives the point back, so only failures add up. */
export async function givePointBack(door: RoomDoor, who: string | null): Promise<void> {
  await limiters()[door].reward(keyOf(who));
}

export function waitSentence(seconds: number): string {
  return seconds >= 90 ? `${Math.ceil(seconds / 60)} min` : `${seconds} s`;
}
