import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetRoomAction } from "@/features/room/actions";
import { COOKIES } from "@/lib/auth/cookies";
import { denySid, liveDenyEntries } from "@/lib/auth/deny-list";
import { decodeSessionJwt } from "@/lib/auth/jwt-codec";
import { listKeys, rotateKeys, usableKeys } from "@/lib/auth/keyring";
import { startRefreshFamily } from "@/lib/auth/refresh";
import { nowSeconds, offset, setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { INSTRUCTOR_EMAIL } from "@/lib/room/instructor";
import { issuePairingCode } from "@/lib/room/pairing";
import { resetRoom } from "@/lib/room/reset";
import { roomSignIn } from "./support/room-auth";
import { joinAs } from "./support/room-people";
import { asBrowser, form, IDLE, jar } from "./support/room-request";

vi.mock("next/headers", async () => (await import("./support/room-request")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// Each test drives real sign-ins and hashing: on a loaded two-core machine that takes seconds.
vi.setConfig({ testTimeout: 30_000 });

const SESSION = COOKIES.session.name(false);
const SECRET = "unit-instructor-secret-for-the-reset";

beforeAll(() => {
  env.SESSION_LAB_MODE = "workshop";
  env.INSTRUCTOR_SECRET = SECRET;
});
afterAll(async () => {
  env.SESSION_LAB_MODE = "demo";
  delete env.INSTRUCTOR_SECRET;
  await setOffset(0);
});

/** A room after an hour of exercises: copies and replays, mail, deny-list, families, keys, clock, codes. */
async function busyRoom() {
  const ada = await joinAs("Ada");
  const adaDb = await ada.browser("database");
  const adaRefresh = await ada.browser("jwt-refresh");
  const copy = await db.stolenCopy.create({
    data: { ownerId: ada.bench, userId: ada.id, strategy: "database", sessionToken: "sealed" },
  });
  await db.replay.create({ data: { copyId: copy.id, accepted: true, reason: "Accepted as ada." } });
  await db.mailMessage.create({
    data: {
      to: ada.email,
      subject: "link",
      url: "sealed",
      expires: new Date(Date.now() + 60_000),
      requesterId: ada.id,
    },
  });
  await db.labCheckpoint.create({ data: { userId: ada.id, checkpoint: "revocation:deny-sid" } });
  await denySid("some-sid", "test");
  await issuePairingCode(ada.id);
  await rotateKeys("grace");
  await rotateKeys("hard");
  await setOffset(9 * 3600 * 1000);
  return { ada, adaDb, adaRefresh };
}

describe("reset the room", () => {
  it("clears what the exercises left behind, keeps the people, their sessions and their progress", async () => {
    const { ada, adaDb } = await busyRoom();
    const instructor = await db.user.upsert({
      where: { email: INSTRUCTOR_EMAIL },
      create: { email: INSTRUCTOR_EMAIL, role: "admin" },
      update: {},
    });
    const kept = await startRefreshFamily(instructor.id, "instructor-sid", true);
    const keysBefore = (await listKeys(true)).length;

    const summary = await resetRoom({ userId: instructor.id });

    expect(summary.copies).toBeGreaterThanOrEqual(1);
    expect(await db.stolenCopy.count()).toBe(0);
    expect(await db.replay.count()).toBe(0);
    expect(await db.mailMessage.count()).toBe(0);
    expect(await db.pairingCode.count()).toBe(0);
    expect(await liveDenyEntries()).toEqual([]);
    expect(await db.refreshFamily.count({ where: { userId: ada.id } })).toBe(0);
    expect(await db.refreshFamily.count({ where: { id: kept.familyId } })).toBe(1);
    expect(offset()).toBe(0);
    expect((await usableKeys()).map((k) => k.id)).toEqual(["k1"]);
    // Accounts, keys to the room, sessions and lab progress stay.
    expect(await db.user.count({ where: { id: ada.id } })).toBe(1);
    expect(await db.participantKey.count({ where: { userId: ada.id } })).toBe(1);
    expect(await db.session.count({ where: { userId: ada.id } })).toBe(1);
    expect(await db.labCheckpoint.count({ where: { userId: ada.id } })).toBe(1);
    expect(adaDb.cookie).toBeTruthy();

    // Rotated keys stay as wiped tombstones, so the next rotation never reuses an id.
    const next = await rotateKeys("grace");
    expect(Number(next.id.slice(1))).toBe(keysBefore + 1);
    const wiped = await db.jwtKey.findMany({ where: { status: "retired", NOT: { id: "k1" } } });
    expect(wiped.length).toBeGreaterThan(0);
    expect(wiped.every((k) => k.secret === "")).toBe(true); // no secret of a retired key survives
    await resetRoom({ userId: instructor.id });
  });

  it("is the instructor's alone, and needs the confirmation", async () => {
    const bob = await joinAs("Bob");
    asBrowser((await bob.browser("database")).cookies);
    expect(await resetRoomAction(IDLE, form({ confirm: "yes" }))).toMatchObject({
      status: "error",
      message: expect.stringMatching(/^Instructor only/),
    });
    const signedIn = await roomSignIn("instructor", "database", {}, { secret: SECRET });
    asBrowser({ [SESSION]: signedIn.session ?? "", [COOKIES.strategy.name(false)]: "database" });
    for (const bad of [{}, { confirm: "no" }, { confirm: "YES" }] as Record<string, string>[])
      expect(await resetRoomAction(IDLE, form(bad))).toMatchObject({
        status: "error",
        message: "Tick the box to confirm the reset.",
      });
    expect(await resetRoomAction(IDLE, form({ confirm: "yes" }))).toMatchObject({ status: "ok" });
  });

  it("keeps the instructor signed in: a JWT made with a key being retired is re-issued with AUTH_SECRET's", async () => {
    for (const mode of ["jwt", "jwt-refresh"] as const) {
      await rotateKeys("grace");
      const signedIn = await roomSignIn("instructor", mode, {}, { secret: SECRET });
      const before = await decodeSessionJwt(signedIn.session ?? "", SESSION, mode, nowSeconds());
      expect(before).toMatchObject({ ok: true });
      expect(before.ok && before.keyId).not.toBe("k1");
      asBrowser({
        [SESSION]: signedIn.session ?? "",
        [COOKIES.strategy.name(false)]: mode,
        ...(signedIn.refresh ? { [COOKIES.refresh.name(false)]: signedIn.refresh } : {}),
      });

      const result = await resetRoomAction(IDLE, form({ confirm: "yes" }));
      expect(result).toMatchObject({ status: "ok", message: expect.stringContaining("re-issued") });

      // The old token is dead (its key is gone); the one set on the response works, same sign-in.
      expect(await decodeSessionJwt(signedIn.session ?? "", SESSION, mode, nowSeconds())).toMatchObject({
        ok: false,
        limit: "key",
      });
      const after = await decodeSessionJwt(jar.get(SESSION) ?? "", SESSION, mode, nowSeconds());
      expect(after).toMatchObject({ ok: true, keyId: "k1" });
      expect(after.ok && before.ok && after.claims.sid === before.claims.sid).toBe(true);
      if (mode === "jwt-refresh" && after.ok)
        expect(await db.refreshFamily.findUnique({ where: { id: after.claims.fam ?? "" } })).toMatchObject({
          revokedAt: null,
        });
    }
  });
});
