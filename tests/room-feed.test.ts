import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordEvent } from "@/lib/audit";
import { scopeFrom } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { roomFeed, startOf } from "@/lib/room/feed";
import { format, pollingStream } from "@/lib/room/stream";
import type { TimelineEvent } from "@/lib/room/timeline";
import { joinAs } from "./support/room-people";

vi.mock("next/headers", async () => (await import("./support/room-request")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.setConfig({ testTimeout: 30_000 });

/** The live timeline's server side: what each poll sends, once, to whom, and when it stops. */
beforeAll(() => {
  env.SESSION_LAB_MODE = "workshop";
});
afterAll(() => {
  env.SESSION_LAB_MODE = "demo";
});

const timeline = (t: Awaited<ReturnType<ReturnType<typeof roomFeed>>>) =>
  "send" in t ? t.send.filter((m) => m.event === "timeline").map((m) => m.data as TimelineEvent) : [];

describe("the participant's feed", () => {
  it("sends each new event once, its own and server-wide ones, never another participant's", async () => {
    const ada = await joinAs("Ada Feed");
    const bob = await joinAs("Bob Feed");
    const browser = await ada.browser("database");
    const tick = roomFeed({
      scope: scopeFrom(new Headers(), new Map(Object.entries(browser.cookies))),
      view: "mine",
      page: 0,
      search: "",
      since: new Date(Date.now() - 1000),
    });
    await tick(); // whatever the sign-in wrote
    await recordEvent("revoked", { userId: ada.id, detail: "ada's own" });
    await recordEvent("revoked", { userId: bob.id, detail: "bob's own" });
    await recordEvent("clock-moved", { userId: "someone", detail: "moved the auth clock +1 min" });
    const first = timeline(await tick()).map((e) => e.detail);
    expect(first).toEqual(expect.arrayContaining(["ada's own", "moved the auth clock +1 min"]));
    expect(first).not.toContain("bob's own");
    expect(timeline(await tick())).toEqual([]); // re-read with overlap, but not sent twice

    // The session ends: the stream asks the browser to reconnect (a refresh-mode token may just need renewing).
    await db.session.deleteMany({ where: { userId: ada.id } });
    expect(await tick()).toEqual({ close: { event: "reauth", data: {} } });
  });

  it("a stream that starts signed out is denied at once", async () => {
    const tick = roomFeed({
      scope: scopeFrom(new Headers(), new Map()),
      view: "mine",
      page: 0,
      search: "",
      since: new Date(),
    });
    expect(await tick()).toEqual({ close: { event: "denied", data: { reason: "You are signed out." } } });
  });
});

describe("the stream itself", () => {
  it("writes text/event-stream: retry, named events with ids, keep-alives, then the closing event", async () => {
    let n = 0;
    const res = pollingStream(
      async () =>
        ++n === 1
          ? { send: [{ event: "timeline", data: { a: 1 }, id: "42" }] }
          : n === 2
            ? { send: [] }
            : { close: { event: "denied", data: {} } },
      { signal: new AbortController().signal, intervalMs: 5 },
    );
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const text = await res.text();
    expect(text).toBe(
      `retry: 5\n\nid: 42\nevent: timeline\ndata: {"a":1}\n\n: still here\n\nevent: denied\ndata: {}\n\n`,
    );
    expect(format({ event: "x", data: "two\nlines" })).toBe('event: x\ndata: "two\\nlines"\n\n');
  });

  it("a reconnecting browser resumes from its Last-Event-ID; junk falls back to a moment ago", () => {
    expect(startOf("1700000000000", null).getTime()).toBe(1700000000000);
    expect(startOf(null, "2023-11-14T22:13:20.000Z").getTime()).toBe(1700000000000);
    for (const junk of [null, "", "abc", "-5", "1e400"]) {
      const at = startOf(junk, "not a date").getTime();
      expect(Date.now() - at).toBeGreaterThanOrEqual(4000);
      expect(Date.now() - at).toBeLessThan(60_000);
    }
    expect(startOf(String(Date.now() + 3_600_000), null).getTime()).toBeLessThanOrEqual(Date.now());
  });
});
