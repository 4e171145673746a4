import { randomUUID } from "node:crypto";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { checkPassword, RateLimitedSignIn } from "@/lib/auth/providers";
import {
  passwordBlocked,
  passwordSucceeded,
  refusedFor,
  takeMagicLink,
  takePasswordAttempt,
} from "@/lib/auth/rate-limit";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/password";

/** Counters are shared by the whole database: every test uses its own addresses and accounts. */
const email = () => `rl-${randomUUID()}@example.test`;
const hex = () => randomUUID().slice(0, 4);
const ip = () => `2001:db8::${hex()}:${hex()}`;

async function attempts(n: number, who: () => string, from: () => string) {
  for (let i = 0; i < n; i++) expect(await takePasswordAttempt(who(), from())).toBeNull();
}

describe("password sign-in limits", () => {
  it("blocks an account after AUTH_RATE_LIMIT_ACCOUNT failures, from any address, with a wait", async () => {
    expect(env.AUTH_RATE_LIMIT_ACCOUNT).toBe(5);
    const victim = email();
    await attempts(5, () => victim, ip);
    const blocked = await takePasswordAttempt(victim, ip());
    expect(blocked?.retryAfterS).toBeGreaterThan(0);
    const check = await passwordBlocked(victim, ip());
    expect(check?.reason).toMatch(/this account/);
    expect(check?.retryAfterS).toBeGreaterThan(0);
    expect(await passwordBlocked(email(), ip())).toBeNull(); // other accounts are unaffected
  });

  it("a right password starts the account's count over", async () => {
    const who = email();
    const from = ip();
    await attempts(
      4,
      () => who,
      () => from,
    );
    await passwordSucceeded(who, from);
    await attempts(
      5,
      () => who,
      () => from,
    );
    expect(await takePasswordAttempt(who, from)).not.toBeNull();
  });

  it("blocks one address guessing across many accounts after AUTH_RATE_LIMIT_ADDRESS attempts", async () => {
    const from = ip();
    await attempts(env.AUTH_RATE_LIMIT_ADDRESS, email, () => from);
    expect((await takePasswordAttempt(email(), from))?.retryAfterS).toBeGreaterThan(0);
    expect((await passwordBlocked(email(), from))?.reason).toMatch(/network address/);
    expect(await passwordBlocked(email(), ip())).toBeNull();
  });

  it("checkPassword refuses the sixth guess before checking it, right password or not", async () => {
    const address = email();
    const from = ip();
    await db.user.create({ data: { email: address, passwordHash: await hashPassword("right-password") } });
    for (let i = 0; i < 5; i++)
      expect(await checkPassword({ email: address, password: "wrong" }, from)).toBeNull();
    await expect(checkPassword({ email: address, password: "right-password" }, from)).rejects.toBeInstanceOf(
      RateLimitedSignIn,
    );
  });

  it("checkPassword: success after a few failures resets the account's count", async () => {
    const address = email();
    const from = ip();
    await db.user.create({ data: { email: address, passwordHash: await hashPassword("right-password") } });
    for (let i = 0; i < 4; i++) await checkPassword({ email: address, password: "wrong" }, from);
    expect(await checkPassword({ email: address, password: "right-password" }, from)).toMatchObject({
      email: address,
    });
    for (let i = 0; i < 4; i++)
      expect(await checkPassword({ email: address, password: "wrong" }, from)).toBeNull();
    expect(await passwordBlocked(address, from)).toBeNull();
  });
});

describe("magic-link limits", () => {
  it("one address may be sent AUTH_RATE_LIMIT_MAGIC_LINK links in the window", async () => {
    const to = email();
    for (let i = 0; i < env.AUTH_RATE_LIMIT_MAGIC_LINK; i++) expect(await takeMagicLink(to, ip())).toBeNull();
    const blocked = await takeMagicLink(to, ip());
    expect(blocked?.retryAfterS).toBeGreaterThan(0);
    expect(blocked?.reason).toMatch(/links/);
  });

  it("one client may ask for four times that many, whatever the addresses", async () => {
    const from = ip();
    for (let i = 0; i < env.AUTH_RATE_LIMIT_MAGIC_LINK * 4; i++)
      expect(await takeMagicLink(email(), from)).toBeNull();
    expect(await takeMagicLink(email(), from)).not.toBeNull();
  });
});

describe("a limiter's refusal, whichever copy of the class made it", () => {
  it("reads the wait from a RateLimiterRes, or from one made by another bundle's copy of the class", async () => {
    const limiter = new RateLimiterMemory({ points: 1, duration: 60 });
    await limiter.consume("k");
    const refusal = await limiter.consume("k").catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RateLimiterRes);
    expect(refusedFor(refusal)).toBe(60);
    // What a server action sees when a route handler built the shared limiters: same shape, other class.
    class OtherCopy {
      msBeforeNext = 1500;
      remainingPoints = 0;
      consumedPoints = 2;
      isFirstInDuration = false;
    }
    expect(refusedFor(new OtherCopy())).toBe(2);
    for (const other of [new Error("store down"), null, "429", { msBeforeNext: 5 }])
      expect(refusedFor(other)).toBeNull();
  });
});
