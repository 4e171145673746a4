import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { travel } from "@/features/instructor/actions";
import { denyThisToken, keepCopyAction, replayAction, revokeMyFamily } from "@/features/revocation/actions";
import { revokeOne } from "@/features/sessions/actions";
import { sha256 } from "@/lib/auth/tokens";
import { setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { reachedCheckpoints, recordCheckpoint } from "@/lib/labs/evaluate";
import { labProgress } from "@/lib/labs/progress";
import { replaysReachTheApp } from "./support/labs";
import { roomSignIn } from "./support/room-auth";
import { joinAs } from "./support/room-people";
import { asBrowser, form, IDLE } from "./support/room-request";

vi.mock("next/headers", async () => (await import("./support/room-request")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.setConfig({ testTimeout: 60_000 });

/**
 * Each derived checkpoint is false until the participant really does the step (through the app's
 * own actions and sign-ins), and true after. Nothing here writes a checkpoint row by hand.
 */
const SECRET = "unit-instructor-secret-for-the-labs";
const reached = async (userId: string, id: string) => (await reachedCheckpoints(userId)).has(id);
/** Runs an action that may end in a redirect (revocation notices do). */
const settle = (p: Promise<unknown>) => p.catch(() => undefined);

beforeAll(() => {
  env.SESSION_LAB_MODE = "workshop";
  env.INSTRUCTOR_SECRET = SECRET;
  replaysReachTheApp();
});
afterAll(async () => {
  env.SESSION_LAB_MODE = "demo";
  delete env.INSTRUCTOR_SECRET;
  vi.unstubAllGlobals();
  await setOffset(0);
});

describe("lab 1: where the state lives", () => {
  it("each mode's checkpoint turns on with a sign-in in that mode, and only that one", async () => {
    const ada = await joinAs("Ada State");
    await ada.browser("database");
    expect(await reached(ada.id, "state:database")).toBe(true);
    expect(await reached(ada.id, "state:jwt")).toBe(false);
    expect(await reached(ada.id, "state:cookie-cache")).toBe(false);
    await ada.browser("jwt");
    expect(await reached(ada.id, "state:jwt")).toBe(true);
    expect(await reached(ada.id, "jwt:issued")).toBe(true);
    await ada.browser("cookie-cache");
    expect(await reached(ada.id, "state:cookie-cache")).toBe(true);
  });
});

describe("lab 3: revocation", () => {
  it("copy, accepted replay, and a refused replay after deleting the row (database mode)", async () => {
    const bob = await joinAs("Bob Revocation");
    const bobDb = await bob.browser("database");
    asBrowser(bobDb.cookies);
    expect(await reached(bob.id, "revocation:copy")).toBe(false);
    expect(await keepCopyAction(IDLE, form())).toMatchObject({ status: "ok" });
    expect(await reached(bob.id, "revocation:copy")).toBe(true);

    const copy = await db.stolenCopy.findFirstOrThrow({ where: { userId: bob.id } });
    expect(await reached(bob.id, "revocation:accepted")).toBe(false);
    await replayAction(IDLE, form({ copyId: copy.id }));
    expect(await reached(bob.id, "revocation:accepted")).toBe(true);

    expect(await reached(bob.id, "revocation:row-refused")).toBe(false);
    await settle(revokeOne(IDLE, form({ hash: sha256(bobDb.cookie) })));
    await replayAction(IDLE, form({ copyId: copy.id }));
    expect(await reached(bob.id, "revocation:row-refused")).toBe(true);
    expect(await reached(bob.id, "revocation:token-refused")).toBe(false);
  });

  it("deny-listing a token and revoking a refresh family", async () => {
    const cy = await joinAs("Cy Revocation");
    const refresh = await cy.browser("jwt-refresh");
    asBrowser(refresh.cookies);
    expect(await reached(cy.id, "revocation:deny-list")).toBe(false);
    await settle(denyThisToken(IDLE, form()));
    expect(await reached(cy.id, "revocation:deny-list")).toBe(true);
    expect(await reached(cy.id, "revocation:refresh")).toBe(false);
    await settle(revokeMyFamily(IDLE, form()));
    expect(await reached(cy.id, "revocation:refresh")).toBe(true);
  });

  it("another participant's actions never count for you", async () => {
    const dee = await joinAs("Dee Bystander");
    await dee.browser("jwt");
    const r = await reachedCheckpoints(dee.id);
    for (const id of ["revocation:copy", "revocation:accepted", "revocation:deny-list", "revocation:refresh"])
      expect(r.has(id), id).toBe(false);
  });
});

describe("lab 4: lifetimes", () => {
  it("a clock move while signed in, then a sign-in past the idle timeout", async () => {
    const eve = await joinAs("Eve Lifetimes");
    await eve.browser("database");
    expect(await reached(eve.id, "lifetimes:row-expiry")).toBe(true);
    expect(await reached(eve.id, "lifetimes:time-travel")).toBe(false);
    const instructor = await roomSignIn("instructor", "database", {}, { secret: SECRET });
    asBrowser({ "authjs.session-token": instructor.session ?? "", "auth-strategy": "database" });
    const seconds = String(env.AUTH_SESSION_MAX_AGE + 3600);
    expect(await travel(IDLE, form({ seconds }))).toMatchObject({ status: "ok" });
    expect(await reached(eve.id, "lifetimes:time-travel")).toBe(true);
    expect(await reached(eve.id, "lifetimes:signed-in-again")).toBe(false);
    await eve.browser("database");
    expect(await reached(eve.id, "lifetimes:signed-in-again")).toBe(true);
  });
});

describe("progress for the instructor console", () => {
  it("counts done of total per lab, and recorded checkpoints must be known ids", async () => {
    const fay = await joinAs("Fay Progress");
    const before = await labProgress(fay.id);
    expect(before.find((l) => l.lab === "choose")).toEqual({
      lab: "choose",
      title: "Choosing a mode",
      done: 0,
      total: 3,
    });
    // In a workshop the CLI checkpoint (password accounts only) is not counted.
    expect(before.find((l) => l.lab === "beyond")?.total).toBe(2);
    await recordCheckpoint(fay.id, "choose:saas");
    expect((await labProgress(fay.id)).find((l) => l.lab === "choose")?.done).toBe(1);
    await expect(recordCheckpoint(fay.id, "choose:anything")).rejects.toThrow(/unknown lab checkpoint/);
  });
});
