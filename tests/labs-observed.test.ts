import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as loot } from "@/app/labs/browser/xss/loot/route";
import { chooseAction, decodeTokenAction, mintTokenAction } from "@/features/labs/actions";
import { env } from "@/lib/env";
import { reachedCheckpoints } from "@/lib/labs/evaluate";
import { demoToken } from "@/lib/labs/xss";
import { joinAs } from "./support/room-people";
import { asBrowser, form, IDLE } from "./support/room-request";

vi.mock("next/headers", async () => (await import("./support/room-request")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.setConfig({ testTimeout: 60_000 });

/**
 * Checkpoints only visible when they happen (a token pasted, the XSS collector, a reasoned choice):
 * the server records them itself, and only for the caller's own tokens and data.
 */
const reached = async (userId: string, id: string) => (await reachedCheckpoints(userId)).has(id);
type Person = Awaited<ReturnType<typeof joinAs>>;
let ada: Person;
let bob: Person;

beforeAll(async () => {
  env.SESSION_LAB_MODE = "workshop";
  ada = await joinAs("Ada Observed");
  bob = await joinAs("Bob Observed");
});
afterAll(() => {
  env.SESSION_LAB_MODE = "demo";
});

describe("lab 2: the decoder", () => {
  it("records reading your own JWE and JWS, and nothing for someone else's token", async () => {
    const adaJwt = await ada.browser("jwt");
    const bobJwt = await bob.browser("jwt");
    asBrowser(adaJwt.cookies);
    expect(await decodeTokenAction(IDLE, form({ token: "not.a.token" }))).toMatchObject({ status: "error" });
    const others = await decodeTokenAction(IDLE, form({ token: bobJwt.cookie }));
    expect(others).toMatchObject({ status: "ok", message: expect.stringContaining("someone else") });
    expect(await reached(ada.id, "jwt:read-jwe")).toBe(false);

    const mine = await decodeTokenAction(IDLE, form({ token: adaJwt.cookie }));
    expect(mine).toMatchObject({ decoded: { kind: "jwe", readable: null, header: { alg: "dir" } } });
    expect(await reached(ada.id, "jwt:read-jwe")).toBe(true);

    expect(await reached(ada.id, "jwt:read-jws")).toBe(false);
    const minted = (await mintTokenAction(IDLE, form())) as { token?: string };
    const jws = await decodeTokenAction(IDLE, form({ token: minted.token ?? "" }));
    expect(jws).toMatchObject({ decoded: { kind: "jws", readable: { sub: ada.id, aud: "orders" } } });
    expect(await reached(ada.id, "jwt:read-jws")).toBe(true);
  });
});

describe("lab 5: the XSS collector", () => {
  const post = (cookies: Record<string, string>, body: unknown, site = "same-origin") =>
    loot(
      new Request("http://localhost/labs/browser/xss/loot", {
        method: "POST",
        headers: {
          "sec-fetch-site": site,
          cookie: Object.entries(cookies)
            .map(([k, v]) => `${k}=${v}`)
            .join("; "),
        },
        body: JSON.stringify(body),
      }),
    );

  it("records the stolen demo token and the unreadable HttpOnly cookie, from this site only", async () => {
    const adaDb = await ada.browser("database");
    const cookies = adaDb.cookies as Record<string, string>;
    const stolen = { token: demoToken(ada.id), cookies: "auth-strategy=database" };
    expect((await post(cookies, stolen, "cross-site")).status).toBe(403);
    expect((await post(cookies, { token: 3 })).status).toBe(400);
    expect((await post({}, stolen)).status).toBe(401);
    expect(await reached(ada.id, "browser:xss-token")).toBe(false);

    // Bob's token in Ada's browser counts for nobody.
    await post(cookies, { token: demoToken(bob.id), cookies: "" });
    expect(await reached(ada.id, "browser:xss-token")).toBe(false);

    const res = await post(cookies, stolen);
    expect(await res.text()).toMatch(/Stolen from localStorage[\s\S]*is not there: it is HttpOnly/);
    expect(await reached(ada.id, "browser:xss-token")).toBe(true);
    expect(await reached(ada.id, "browser:xss-cookie")).toBe(true);
    expect(await reached(bob.id, "browser:xss-token")).toBe(false);
  });
});

describe("lab 7: choosing a mode", () => {
  it("needs a mode and a reason, answers with feedback, and records the product's checkpoint", async () => {
    asBrowser((await bob.browser("database")).cookies);
    expect(await chooseAction(IDLE, form({ scenario: "banking", mode: "jwt", reason: "ok" }))).toMatchObject({
      status: "error",
      message: expect.stringContaining("reason"),
    });
    expect(
      await chooseAction(IDLE, form({ scenario: "nope", mode: "jwt", reason: "x".repeat(20) })),
    ).toMatchObject({ status: "error" });
    expect(await reached(bob.id, "choose:banking")).toBe(false);
    const answer = await chooseAction(
      IDLE,
      form({
        scenario: "banking",
        mode: "database",
        reason: "Fraud means we must revoke sessions instantly.",
      }),
    );
    expect(answer).toMatchObject({
      status: "ok",
      verdict: "strong",
      message: expect.stringContaining("names what matters"),
    });
    expect(await reached(bob.id, "choose:banking")).toBe(true);
    const risky = await chooseAction(
      IDLE,
      form({ scenario: "banking", mode: "jwt", reason: "Tokens are modern and fast to check." }),
    );
    expect(risky).toMatchObject({ verdict: "risky", message: expect.stringContaining("does not say") });
  });
});
