import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { COOKIES } from "@/lib/auth/cookies";
import { checkPassword } from "@/lib/auth/providers";
import { readSession } from "@/lib/auth/read";
import { scopeFrom } from "@/lib/auth/scope";
import { sha256 } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo-accounts";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/password";
import { announceInstructorSecret, INSTRUCTOR_EMAIL, isInstructorSecret } from "@/lib/room/instructor";
import { authorizeInstructor, RoomRateLimited } from "@/lib/room/sign-in";
import { roomSignIn } from "./support/room-auth";

beforeAll(() => {
  env.SESSION_LAB_MODE = "workshop";
});
afterAll(() => {
  env.SESSION_LAB_MODE = "demo";
});
afterEach(() => {
  delete env.INSTRUCTOR_SECRET;
});

let addr = 0;
const ip = () => `203.0.113.${++addr}`;

describe("the printed instructor secret", () => {
  it("is drawn at start, printed once, and stored only as its SHA-256", async () => {
    const lines: string[] = [];
    const secret = await announceInstructorSecret((l) => lines.push(l));
    expect(secret).toMatch(/^([A-Z2-9]{5}-){4}[A-Z2-9]{5}$/);
    expect(lines.join("\n")).toContain(secret);
    const stored = await db.setting.findMany({ where: { key: { startsWith: "room.instructor-secret." } } });
    expect(stored.map((s) => s.value)).toContain(sha256(secret ?? ""));
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(await isInstructorSecret(secret ?? "")).toBe(true);
    expect(await isInstructorSecret(`${secret}x`)).toBe(false);
    expect(await isInstructorSecret("")).toBe(false);
  });

  it("a restart draws a new one, and the old one stops working", async () => {
    const first = (await announceInstructorSecret(() => {})) ?? "";
    const second = (await announceInstructorSecret(() => {})) ?? "";
    expect(second).not.toBe(first);
    expect(await isInstructorSecret(first)).toBe(false);
    expect(await isInstructorSecret(second)).toBe(true);
  });

  it("INSTRUCTOR_SECRET replaces it, and is never written anywhere", async () => {
    const printed = (await announceInstructorSecret(() => {})) ?? "";
    env.INSTRUCTOR_SECRET = "a-secret-from-the-environment-123";
    const lines: string[] = [];
    expect(await announceInstructorSecret((l) => lines.push(l))).toBeNull();
    expect(lines.join()).not.toContain(env.INSTRUCTOR_SECRET);
    expect(await isInstructorSecret(env.INSTRUCTOR_SECRET)).toBe(true);
    expect(await isInstructorSecret(printed)).toBe(false);
    const settings = JSON.stringify(await db.setting.findMany());
    expect(settings).not.toContain(env.INSTRUCTOR_SECRET);
  });

  it("prints nothing and makes nothing in demo mode", async () => {
    env.SESSION_LAB_MODE = "demo";
    try {
      expect(await announceInstructorSecret(() => {})).toBeNull();
      expect(await authorizeInstructor({ secret: "anything" }, ip())).toBeNull();
    } finally {
      env.SESSION_LAB_MODE = "workshop";
    }
  });
});

describe("signing in as the instructor", () => {
  it("a real Auth.js sign-in with the secret gives an admin session", async () => {
    env.INSTRUCTOR_SECRET = "a-secret-from-the-environment-456";
    const signedIn = await roomSignIn("instructor", "jwt", {}, { secret: env.INSTRUCTOR_SECRET });
    expect(signedIn.ok).toBe(true);
    const scope = scopeFrom(
      new Headers(),
      new Map([
        [COOKIES.session.name(false), signedIn.session ?? ""],
        [COOKIES.strategy.name(false), "jwt"],
      ]),
    );
    const verdict = await readSession(scope);
    expect(verdict).toMatchObject({ status: "signed-in", user: { email: INSTRUCTOR_EMAIL, role: "admin" } });
  });

  it("a wrong secret is refused, and so is junk", async () => {
    env.INSTRUCTOR_SECRET = "a-secret-from-the-environment-789";
    expect((await roomSignIn("instructor", "database", {}, { secret: "guess" })).ok).toBe(false);
    for (const junk of [undefined, {}, { secret: "" }, { secret: "x".repeat(201) }, { secret: 42 }])
      expect(await authorizeInstructor(junk, ip())).toBeNull();
  });

  it("is rate limited per address like a password: the right secret too, once the count is used up", async () => {
    env.INSTRUCTOR_SECRET = "a-secret-from-the-environment-abc";
    const from = "198.51.100.201";
    for (let i = 0; i < env.AUTH_RATE_LIMIT_ACCOUNT; i++)
      expect(await authorizeInstructor({ secret: "wrong" }, from)).toBeNull();
    await expect(authorizeInstructor({ secret: env.INSTRUCTOR_SECRET }, from)).rejects.toBeInstanceOf(
      RoomRateLimited,
    );
    expect(await authorizeInstructor({ secret: env.INSTRUCTOR_SECRET }, ip())).toMatchObject({
      role: "admin",
    });
  });
});

describe("a workshop refuses the demo accounts", () => {
  // Password hashing is scrypt (about 50 ms a hash on an idle core): give it room on a busy machine.
  it("the seeded accounts and the public demo password are not accepted", { timeout: 30_000 }, async () => {
    const alice = DEMO_ACCOUNTS[0].email;
    await db.user.upsert({
      where: { email: alice },
      create: { email: alice, name: "Alice", passwordHash: await hashPassword(DEMO_PASSWORD) },
      update: {},
    });
    expect(await checkPassword({ email: alice, password: DEMO_PASSWORD }, ip())).toBeNull();
    const other = await db.user.create({
      data: { email: `own-${addr}@example.test`, passwordHash: await hashPassword(DEMO_PASSWORD) },
    });
    expect(await checkPassword({ email: other.email, password: DEMO_PASSWORD }, ip())).toBeNull();
    env.SESSION_LAB_MODE = "demo";
    try {
      expect(await checkPassword({ email: alice, password: DEMO_PASSWORD }, ip())).toMatchObject({
        email: alice,
      });
    } finally {
      env.SESSION_LAB_MODE = "workshop";
    }
  });
});
