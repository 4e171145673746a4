import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { HashingBusyError, hashPassword, verifyPassword } from "@/lib/password";

/**
 * scrypt runs on libuv's four threads, which every JWT decrypt (WebCrypto) shares: a burst of
 * wrong passwords must not take all of them. The probe wraps node:crypto's scrypt to count how
 * many run at once.
 */
const probe = vi.hoisted(() => ({ active: 0, max: 0 }));

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  const scrypt = (...args: unknown[]) => {
    const cb = args.pop() as (err: Error | null, key: Buffer) => void;
    probe.active++;
    probe.max = Math.max(probe.max, probe.active);
    (actual.scrypt as (...a: unknown[]) => void)(...args, (err: Error | null, key: Buffer) => {
      probe.active--;
      cb(err, key);
    });
  };
  return { ...actual, scrypt };
});

/** A valid stored hash with the cheapest parameters verifyPassword accepts (fast, never matches). */
const cheapHash = () =>
  ["scrypt", 1024, 8, 1, randomBytes(16).toString("base64url"), randomBytes(32).toString("base64url")].join(
    "$",
  );

describe("password hashing concurrency cap", () => {
  it("with AUTH_HASH_CONCURRENCY=1, parallel sign-ins never run two scrypts at once", async () => {
    expect(env.AUTH_HASH_CONCURRENCY).toBe(1);
    const real = await hashPassword("right-password");
    probe.max = 0;
    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => verifyPassword("guess", real)),
      ...Array.from({ length: 10 }, () => verifyPassword("guess", cheapHash())),
      verifyPassword("right-password", real),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(probe.max).toBe(1);
  });

  it("a queue longer than 64 is refused with HashingBusyError, and the server recovers", async () => {
    const settled = await Promise.allSettled(
      Array.from({ length: 80 }, () => verifyPassword("guess", cheapHash())),
    );
    const busy = settled.filter((s) => s.status === "rejected");
    const checked = settled.filter((s) => s.status === "fulfilled");
    expect(checked.length).toBeGreaterThanOrEqual(64);
    expect(checked.length).toBeLessThanOrEqual(65);
    expect(busy.length).toBe(80 - checked.length);
    for (const b of busy) expect((b as PromiseRejectedResult).reason).toBeInstanceOf(HashingBusyError);
    expect(await verifyPassword("guess", cheapHash())).toBe(false); // the queue drained
  });
});
