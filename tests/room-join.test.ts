import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { joinRoom, setJoiningAction } from "@/features/room/actions";
import { COOKIES } from "@/lib/auth/cookies";
import { sha256 } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { setJoining } from "@/lib/room/joining";
import { PARTICIPANT_DOMAIN } from "@/lib/room/participants";
import { roomSignIn } from "./support/room-auth";
import { asBrowser, form, IDLE, jar } from "./support/room-request";

vi.mock("next/headers", async () => (await import("./support/room-request")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// Each test drives real sign-ins and hashing: on a loaded two-core machine that takes seconds.
vi.setConfig({ testTimeout: 30_000 });

const KEY = COOKIES.participant.name(false);
let ip = 0;
/** Each join from its own address, so the per-address join limit never gets in the way here. */
const freshBrowser = () => asBrowser({}, `192.0.2.${++ip}`);

beforeAll(() => {
  env.SESSION_LAB_MODE = "workshop";
});
afterAll(() => {
  env.SESSION_LAB_MODE = "demo";
});
beforeEach(async () => {
  await setJoining(true);
  freshBrowser();
});

describe("joining the room", () => {
  it("makes a participant account from a name alone, and gives the browser a key kept only as a hash", async () => {
    expect(await joinRoom(IDLE, form({ name: "  Ada   Lovelace " }))).toMatchObject({ status: "ok" });
    const key = jar.get(KEY) ?? "";
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.participantKey.findUniqueOrThrow({
      where: { hash: sha256(key) },
      include: { user: true },
    });
    expect(row.user).toMatchObject({
      name: "Ada Lovelace",
      kind: "participant",
      role: "user",
      passwordHash: null,
    });
    expect(row.user.email.endsWith(`@${PARTICIPANT_DOMAIN}`)).toBe(true);
    expect(JSON.stringify(await db.participantKey.findMany())).not.toContain(key);
  });

  it.each([
    ["", "Type a name"],
    ["   ", "Type a name"],
    ["x".repeat(41), "at most 40"],
    ["Ada\u202Eecila", "letters, digits"],
    ["bell\u0007", "letters, digits"],
  ])("refuses the name %j with a sentence", async (name, message) => {
    const result = await joinRoom(IDLE, form({ name }));
    expect(result).toMatchObject({ status: "error", message: expect.stringContaining(message) });
    expect(jar.has(KEY)).toBe(false);
  });

  it("folds runs of spaces and line breaks into one space (a name is one line)", async () => {
    await joinRoom(IDLE, form({ name: "two\nlines\t here" }));
    const row = await db.participantKey.findUniqueOrThrow({
      where: { hash: sha256(jar.get(KEY) ?? "") },
      include: { user: true },
    });
    expect(row.user.name).toBe("two lines here");
  });

  it("refuses junk that is not a form, and a missing field", async () => {
    expect(await joinRoom(IDLE, "name=Ada" as unknown as FormData)).toMatchObject({ status: "error" });
    expect(await joinRoom(IDLE, form({}))).toMatchObject({ status: "error" });
  });

  it("is closed when the instructor closes it, and only the instructor can", async () => {
    expect(await setJoiningAction(IDLE, form({ joining: "closed" }))).toMatchObject({
      status: "error",
      message: expect.stringMatching(/^Instructor only/),
    });
    await setJoining(false);
    expect(await joinRoom(IDLE, form({ name: "Late" }))).toEqual({
      status: "error",
      message: "Joining is closed: ask the instructor.",
    });
  });

  it("does not exist outside workshop mode", async () => {
    env.SESSION_LAB_MODE = "demo";
    try {
      expect(await joinRoom(IDLE, form({ name: "Solo" }))).toMatchObject({ status: "error" });
    } finally {
      env.SESSION_LAB_MODE = "workshop";
    }
  });

  it("limits how many accounts one address can create", async () => {
    asBrowser({}, "198.51.100.77");
    const results = [];
    for (let i = 0; i <= env.AUTH_RATE_LIMIT_ADDRESS; i++)
      results.push(await joinRoom(IDLE, form({ name: `Bot ${i}` })));
    expect(results.slice(0, -1).every((r) => r.status === "ok")).toBe(true);
    expect(results.at(-1)).toMatchObject({ status: "error", message: expect.stringContaining("Too many") });
  });
});

describe("signing in as a participant (a real Auth.js sign-in)", () => {
  it.each(["database", "jwt", "jwt-refresh", "cookie-cache"] as const)(
    "works in %s mode with the key cookie",
    async (mode) => {
      await joinRoom(IDLE, form({ name: `In ${mode}` }));
      const signedIn = await roomSignIn("participant", mode, { [KEY]: jar.get(KEY) ?? "" });
      expect(signedIn.ok).toBe(true);
      expect(signedIn.session).toBeTruthy();
      expect(Boolean(signedIn.refresh)).toBe(mode === "jwt-refresh");
    },
  );

  it("refuses a browser without a key, or with a made-up or malformed one", async () => {
    for (const key of [null, "A".repeat(43), "not a key", "x".repeat(5000)]) {
      const signedIn = await roomSignIn("participant", "database", key ? { [KEY]: key } : {});
      expect(signedIn.ok).toBe(false);
      expect(signedIn.session).toBeNull();
    }
  });

  it("is not offered outside workshop mode", async () => {
    await joinRoom(IDLE, form({ name: "Demo day" }));
    const key = jar.get(KEY) ?? "";
    env.SESSION_LAB_MODE = "demo";
    try {
      expect((await roomSignIn("participant", "database", { [KEY]: key })).session).toBeNull();
    } finally {
      env.SESSION_LAB_MODE = "workshop";
    }
  });
});
