import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { endUser, rotate, travel } from "@/features/instructor/actions";
import { setDenyListCheck } from "@/features/revocation/actions";
import { resetRoomAction, setJoiningAction } from "@/features/room/actions";
import { listKeys } from "@/lib/auth/keyring";
import { scopeFrom } from "@/lib/auth/scope";
import { offset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { roomFeed } from "@/lib/room/feed";
import { latestEvents } from "@/lib/room/timeline";
import { joinAs } from "./support/room-people";
import { asBrowser, form, IDLE } from "./support/room-request";

vi.mock("next/headers", async () => (await import("./support/room-request")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.setConfig({ testTimeout: 30_000 });

/**
 * What is server-wide is the instructor's alone, and the room's view is theirs too: participant B,
 * signed in, calls each lever's real server action and watches the room's stream, and is refused.
 */
type Person = Awaited<ReturnType<typeof joinAs>>;
let a: Person;
let b: Person;
let bDb: Awaited<ReturnType<Person["browser"]>>;

beforeAll(async () => {
  env.SESSION_LAB_MODE = "workshop";
  a = await joinAs("Ada Levers");
  b = await joinAs("Bob Levers");
  await a.browser("database");
  bDb = await b.browser("database");
});
afterAll(() => {
  env.SESSION_LAB_MODE = "demo";
});

describe("participant B and the room's view", () => {
  it("timelines: B's shows none of A's events, and B cannot watch the room", async () => {
    const mine = await latestEvents({ kind: "mine", userId: b.id }, 200);
    expect(mine.some((e) => e.detail.includes(a.name))).toBe(false);
    expect(mine.some((e) => e.detail.includes(b.name))).toBe(true);
    const scope = scopeFrom(new Headers(), new Map(Object.entries(bDb.cookies)));
    const tick = roomFeed({ scope, view: "room", page: 0, search: "", since: new Date(0) });
    expect(await tick()).toEqual({ close: { event: "denied", data: { reason: "Instructor only." } } });
  });
});

describe("participant B and the instructor's levers", () => {
  it("clock, keys, deny-list switch, joining, reset and ending A's access are all refused", async () => {
    asBrowser(bDb.cookies);
    const keys = (await listKeys(true)).map((k) => `${k.id}:${k.status}`);
    const attempts = [
      travel(IDLE, form({ seconds: "32400" })),
      rotate(IDLE, form({ mode: "hard" })),
      setDenyListCheck(IDLE, form({ enforce: "off" })),
      setJoiningAction(IDLE, form({ joining: "closed" })),
      resetRoomAction(IDLE, form({ confirm: "yes" })),
      endUser(IDLE, form({ userId: a.id })),
    ];
    for (const result of await Promise.all(attempts))
      expect(result).toMatchObject({ status: "error", message: expect.stringMatching(/^Instructor only/) });
    expect(offset()).toBe(0);
    expect((await listKeys(true)).map((k) => `${k.id}:${k.status}`)).toEqual(keys);
    expect(await db.session.count({ where: { userId: a.id } })).toBeGreaterThan(0);
  });
});
