import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { adminAction, noInput, publicAction, userAction } from "@/lib/actions/guard";
import { type AuthState, authStateChanged, getAuthState } from "@/lib/auth/state";
import type { SessionUser, Verdict } from "@/lib/auth/strategies/types";
import { StoreUnavailableError } from "@/lib/store/gate";

/** Who is asking is decided per test; the guard must ask on every call (next/headers is not here). */
vi.mock("@/lib/auth/state", () => ({ getAuthState: vi.fn(), authStateChanged: vi.fn() }));

const alice: SessionUser = { id: "u-alice", email: "alice@example.com", name: "Alice", role: "user" };
const teacher: SessionUser = { ...alice, id: "u-teacher", role: "admin" };

function asking(user: SessionUser | null, verdict?: Verdict) {
  const v: Verdict =
    verdict ??
    (user ? ({ status: "signed-in", user } as Verdict) : { status: "signed-out", limit: null, reason: null });
  vi.mocked(getAuthState).mockResolvedValue({ verdict: v, user } as unknown as AuthState);
}

const form = (fields: Record<string, string | Blob>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const IDLE = { status: "idle" } as const;
const handler = vi.fn(async () => ({ status: "ok", message: "done" }) as const);
const emailInput = z.object({ email: z.string().email("Give a valid email address.") });

beforeEach(() => {
  handler.mockClear();
  asking(alice);
});

describe("what reaches an action", () => {
  const act = publicAction(emailInput, handler);

  it("a non-FormData argument gets an error result, not an exception", async () => {
    for (const bad of [
      "email=alice@example.com",
      { email: "alice@example.com" },
      42,
      [["email", "alice@example.com"]],
    ])
      expect(await act(IDLE, bad as unknown as FormData)).toEqual({
        status: "error",
        message: "This action takes a form.",
      });
    expect(handler).not.toHaveBeenCalled();
  });

  it("a field over 2000 characters, a file, or too many fields is refused", async () => {
    expect(await act(IDLE, form({ email: `${"a".repeat(2000)}@b.c` }))).toMatchObject({
      status: "error",
      message: expect.stringMatching(/too long/),
    });
    expect(await act(IDLE, form({ email: new File(["x"], "x.txt") }))).toEqual({
      status: "error",
      message: "Files are not accepted here.",
    });
    const many = form(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}`, "x"])));
    expect(await act(IDLE, many)).toEqual({ status: "error", message: "Too many fields." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("input the schema refuses gets the schema's own message", async () => {
    expect(await act(IDLE, form({ email: "not-an-address" }))).toEqual({
      status: "error",
      message: "Give a valid email address.",
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("valid input reaches the handler, from useActionState or a plain <form action>", async () => {
    expect(await act(IDLE, form({ email: "alice@example.com", $ACTION_ID_x: "" }))).toEqual({
      status: "ok",
      message: "done",
    });
    expect(
      await (act as unknown as (f: FormData) => Promise<unknown>)(form({ email: "alice@example.com" })),
    ).toMatchObject({ status: "ok" });
    expect(handler).toHaveBeenLastCalledWith({ email: "alice@example.com" }, { user: alice });
  });

  it("after the handler ran, the page drawn next reads the session afresh", async () => {
    vi.mocked(authStateChanged).mockClear();
    await act(IDLE, form({ email: "bad" }));
    expect(authStateChanged).not.toHaveBeenCalled(); // refused input: nothing ran, nothing changed
    await act(IDLE, form({ email: "alice@example.com" }));
    expect(authStateChanged).toHaveBeenCalledTimes(1);
  });
});

describe("who may call it", () => {
  it("userAction refuses a signed-out caller", async () => {
    asking(null);
    expect(await userAction(noInput, handler)(IDLE, form({}))).toEqual({
      status: "error",
      message: "You are signed out; sign in first.",
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("adminAction refuses a plain user and lets the instructor in", async () => {
    const act = adminAction(noInput, handler);
    expect(await act(IDLE, form({}))).toMatchObject({
      status: "error",
      message: expect.stringMatching(/^Instructor only/),
    });
    asking(teacher);
    expect(await act(IDLE, form({}))).toMatchObject({ status: "ok" });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("when the session store is down, a user action refuses instead of treating the caller as signed out", async () => {
    asking(null, { status: "unavailable", store: "database", reason: "down" });
    expect(await userAction(noInput, handler)(IDLE, form({}))).toMatchObject({
      status: "error",
      message: expect.stringMatching(/unavailable/),
    });
  });
});

describe("what happens inside", () => {
  it("a StoreUnavailableError becomes an error result that says nothing was changed", async () => {
    const act = userAction(noInput, async () => {
      throw new StoreUnavailableError("database", "simulated outage");
    });
    const result = await act(IDLE, form({}));
    expect(result).toMatchObject({
      status: "error",
      message: expect.stringMatching(/session store is unavailable.*Nothing was changed/),
    });
  });

  it("redirect() is control flow: it is re-thrown, not turned into an error", async () => {
    const act = userAction(noInput, async () => redirect("/revocation?notice=signed-out"));
    await expect(act(IDLE, form({}))).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/revocation\?notice=signed-out/),
    });
  });

  it("any other failure is a generic error result (no stack trace reaches the browser)", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const act = publicAction(noInput, async () => {
      throw new Error("SQLITE_CONSTRAINT: secret detail");
    });
    expect(await act(IDLE, form({}))).toEqual({
      status: "error",
      message: "Something went wrong on the server; nothing was changed.",
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining("secret detail")); // the server log keeps it
    log.mockRestore();
  });
});
