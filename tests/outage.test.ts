import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { endStoreOutage, startStoreOutage } from "@/features/instructor/outage-actions";
import { setDenyListEnforced } from "@/lib/auth/deny-list";
import { readSession } from "@/lib/auth/read";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { syncSettings } from "@/lib/settings";
import {
  applyBoardOutage,
  endOutage,
  outageLeft,
  StoreUnavailableError,
  startOutage,
} from "@/lib/store/gate";
import { announceOutage, announceRecovery, syncOutages } from "@/lib/store/outage-board";
import { createUser } from "./support/fixtures";
import { asBrowser, browserOf, form, IDLE } from "./support/room-request";
import { withSession } from "./support/scope";
import { databaseCookie, jwtCookie } from "./support/sessions";

vi.mock("next/headers", async () => (await import("./support/room-request")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

/**
 * The instructor's store-outage drill, as a cluster sees it. Each instance keeps outages in its own
 * memory (the gate), so the drill posts them on a board in the shared database; "another instance"
 * here is this process with its memory wiped (endOutage) and then filled from the board
 * (syncOutages), exactly what every instance's background poll does.
 */
const whenDown = env.AUTH_DENYLIST_WHEN_DOWN;

beforeAll(() => syncSettings(true));
afterEach(async () => {
  await announceRecovery("database");
  endOutage("database");
  env.AUTH_DENYLIST_WHEN_DOWN = whenDown;
  await setDenyListEnforced(false);
});

/** What an instance that did not receive the click knows: nothing, until it reads the board. */
async function asAnotherInstance(): Promise<void> {
  endOutage("database");
  expect(outageLeft("database")).toBe(0);
  await syncOutages();
}

describe("the outage board", () => {
  it("an outage announced on one instance reaches another, with the same end time", async () => {
    await announceOutage("database", 30, "drill");
    await asAnotherInstance();
    expect(outageLeft("database")).toBeGreaterThan(28);
    await expect(db.user.count()).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it("ending it on one instance ends it on the others at their next poll", async () => {
    await announceOutage("database", 30, "drill");
    await syncOutages();
    expect(outageLeft("database")).toBeGreaterThan(0);
    await announceRecovery("database");
    // Another instance still holds the copy it made before the recovery was announced…
    applyBoardOutage("database", Date.now() + 30_000, "drill");
    await syncOutages(); // …until its next poll.
    expect(outageLeft("database")).toBe(0);
    await expect(db.user.count()).resolves.toBeGreaterThanOrEqual(0);
  });

  it("an outage that ran out is over everywhere, even if nobody ended it", async () => {
    await announceOutage("database", 30, "drill");
    vi.useFakeTimers({ now: Date.now() + 31_000, toFake: ["Date"] });
    try {
      await syncOutages();
      expect(outageLeft("database")).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a process-local outage (a fault test's) is not cleared by the board", async () => {
    startOutage("database", 30);
    await syncOutages();
    expect(outageLeft("database")).toBeGreaterThan(0);
  });
});

describe("each mode during an announced session-store outage", () => {
  it("database mode fails closed, then the same session works again: nothing was lost", async () => {
    const user = await createUser();
    const scope = withSession(await databaseCookie(user), { strategy: "database" });
    await announceOutage("database", 30, "drill");
    await asAnotherInstance();
    expect(await readSession(scope)).toMatchObject({ status: "unavailable", store: "database" });
    await announceRecovery("database");
    await asAnotherInstance();
    const verdict = await readSession(scope);
    expect(verdict.status === "signed-in" && verdict.user.id).toBe(user.id);
  });

  it("a plain JWT keeps working: nothing on the server is asked", async () => {
    const user = await createUser();
    const scope = withSession(await jwtCookie(user), { strategy: "jwt" });
    await announceOutage("database", 30, "drill");
    const verdict = await readSession(scope);
    expect(verdict.status === "signed-in" && verdict.user.id).toBe(user.id);
  });

  it("the deny-list's policy when its store is down: closed refuses the JWT, open trusts it and says so", async () => {
    const user = await createUser();
    const scope = withSession(await jwtCookie(user), { strategy: "jwt" });
    await setDenyListEnforced(true);
    await announceOutage("database", 30, "drill"); // no Redis here: the deny-list lives in the database
    expect(env.AUTH_DENYLIST_WHEN_DOWN).toBe("closed");
    expect(await readSession(scope)).toMatchObject({ status: "unavailable", store: "database" });
    env.AUTH_DENYLIST_WHEN_DOWN = "open";
    const open = await readSession(scope);
    expect(open.status === "signed-in" && open.note).toMatch(/unchecked/);
  });
});

describe("the instructor's outage actions", () => {
  it("start and end the outage for an admin signed in with a JWT, and are refused to anyone else", async () => {
    const admin = await createUser("admin");
    asBrowser(browserOf({ strategy: "jwt", cookie: await jwtCookie(admin) }));
    const started = await startStoreOutage(IDLE, form({ store: "database", seconds: "20" }));
    expect(started).toMatchObject({
      status: "ok",
      message: expect.stringMatching(/every instance for 20 s/),
    });
    await asAnotherInstance();
    expect(outageLeft("database")).toBeGreaterThan(18);
    // During the outage the admin (a JWT: no store read to know who they are) can end it.
    const ended = await endStoreOutage(IDLE, form({ store: "database" }));
    expect(ended).toMatchObject({ status: "ok" });
    await asAnotherInstance();
    expect(outageLeft("database")).toBe(0);

    const someone = await createUser();
    asBrowser(browserOf({ strategy: "jwt", cookie: await jwtCookie(someone) }));
    expect(await startStoreOutage(IDLE, form({ store: "database", seconds: "20" }))).toMatchObject({
      status: "error",
      message: expect.stringMatching(/Instructor only/),
    });
    await syncOutages();
    expect(outageLeft("database")).toBe(0);
  });

  it("bad input gets a sentence: too long, not a number, no Redis to break", async () => {
    const admin = await createUser("admin");
    asBrowser(browserOf({ strategy: "jwt", cookie: await jwtCookie(admin) }));
    expect(await startStoreOutage(IDLE, form({ store: "database", seconds: "9000" }))).toMatchObject({
      status: "error",
      message: "At most 600 seconds (10 minutes).",
    });
    expect(await startStoreOutage(IDLE, form({ store: "database", seconds: "soon" }))).toMatchObject({
      status: "error",
      message: "Give a number of seconds.",
    });
    expect(await startStoreOutage(IDLE, form({ store: "redis", seconds: "10" }))).toMatchObject({
      status: "error",
      message: expect.stringMatching(/no Redis/),
    });
    expect(outageLeft("database")).toBe(0);
  });
});

describe("StoreUnavailableError across bundles", () => {
  it("is recognised even when thrown through another copy of the class (Next bundles the gate more than once)", () => {
    const foreign = Object.assign(new Error("down"), { name: "StoreUnavailableError", store: "database" });
    expect(foreign instanceof StoreUnavailableError).toBe(true);
    expect(new Error("down") instanceof StoreUnavailableError).toBe(false);
    expect(new StoreUnavailableError("redis", "x") instanceof StoreUnavailableError).toBe(true);
  });
});
