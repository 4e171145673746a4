import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { pinInstance } from "@/features/cluster/actions";
import { env } from "@/lib/env";
import { PIN_COOKIE } from "@/lib/net/forwarding";
import { asBrowser, form, IDLE, jar } from "./support/room-request";

vi.mock("next/headers", async () => (await import("./support/room-request")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

/** The footer's pin form: the cookie the front proxy reads, set only to an instance that exists. */
beforeEach(() => {
  env.SESSION_LAB_CLUSTER = ["a", "b"];
  asBrowser({});
});
afterAll(() => {
  env.SESSION_LAB_CLUSTER = [];
});

describe("pinning the next requests to an instance", () => {
  it("sets the cookie the front proxy reads, then unpinning deletes it", async () => {
    expect(await pinInstance(IDLE, form({ instance: "b" }))).toMatchObject({
      status: "ok",
      message: "Pinned: your next requests go to instance b.",
    });
    expect(jar.get(PIN_COOKIE)).toBe("b");
    expect(await pinInstance(IDLE, form({ instance: "" }))).toMatchObject({
      status: "ok",
      message: "Unpinned: your next requests are spread over a, b again.",
    });
    expect(jar.has(PIN_COOKIE)).toBe(false);
  });

  it("refuses a name that is not one of this cluster's instances", async () => {
    expect(await pinInstance(IDLE, form({ instance: "zz" }))).toEqual({
      status: "error",
      message: "Pick one of the instances in the list.",
    });
    expect(jar.has(PIN_COOKIE)).toBe(false);
  });

  it("says so on a server that is not part of a cluster", async () => {
    env.SESSION_LAB_CLUSTER = [];
    expect(await pinInstance(IDLE, form({ instance: "" }))).toMatchObject({
      status: "error",
      message: expect.stringMatching(/not part of a cluster/),
    });
  });
});
