import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { joinRoom, newPairingCode, pairDevice } from "@/features/room/actions";
import { COOKIES } from "@/lib/auth/cookies";
import { setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import {
  ALPHABET,
  CODE_LENGTH,
  formatCode,
  issuePairingCode,
  normalizeCode,
  PAIRING_TTL_S,
  redeemPairingCode,
} from "@/lib/room/pairing";
import { participantByKey } from "@/lib/room/participants";
import { roomSignIn } from "./support/room-auth";
import { asBrowser, form, IDLE, jar } from "./support/room-request";

vi.mock("next/headers", async () => (await import("./support/room-request")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// Each test drives real sign-ins and hashing: on a loaded two-core machine that takes seconds.
vi.setConfig({ testTimeout: 30_000 });

const KEY = COOKIES.participant.name(false);
let n = 0;

/** A participant who joined and signed in (database mode) in "their" browser; returns that browser's cookies. */
async function participant(name: string) {
  asBrowser({}, `192.0.2.${++n}`);
  await joinRoom(IDLE, form({ name }));
  const key = jar.get(KEY) ?? "";
  const signedIn = await roomSignIn("participant", "database", { [KEY]: key });
  const browser = { [COOKIES.session.name(false)]: signedIn.session ?? "", [KEY]: key };
  const me = await participantByKey(key);
  if (!me) throw new Error("join failed");
  return { me, browser };
}

const codeIn = (message: string) => /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(message)?.[1] ?? "";

beforeAll(() => {
  env.SESSION_LAB_MODE = "workshop";
});
afterAll(() => {
  env.SESSION_LAB_MODE = "demo";
});
beforeEach(() => asBrowser({}, `198.51.100.${++n % 250}`));
afterEach(async () => setOffset(0));

describe("pairing codes", () => {
  it("are 8 unambiguous symbols, shown in two groups, typed in any case and spacing", () => {
    expect(ALPHABET).not.toMatch(/[01IO]/);
    expect(ALPHABET).toHaveLength(32);
    expect(formatCode("ABCDEFGH")).toBe("ABCD-EFGH");
    expect(normalizeCode(" abcd-efgh ")).toBe("ABCDEFGH");
    expect(normalizeCode("abcd efgh")).toBe("ABCDEFGH");
    for (const bad of ["", "ABCDEFG", "ABCDEFGHJ", "ABCDEFG0", "ABCD-EFG1", "<script>", "x".repeat(2000)])
      expect(normalizeCode(bad)).toBeNull();
  });

  it("are stored only as a keyed hash, never as the code", async () => {
    const { me } = await participant("Hash");
    const { code } = await issuePairingCode(me.id);
    expect(code).toMatch(new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`));
    const rows = await db.pairingCode.findMany({ where: { userId: me.id } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it("work once: a second use, or two devices racing, get one success", async () => {
    const { me } = await participant("Once");
    const { code } = await issuePairingCode(me.id);
    const results = await Promise.all([
      redeemPairingCode(code),
      redeemPairingCode(code),
      redeemPairingCode(code),
    ]);
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, userId: me.id }]);
    expect(await redeemPairingCode(code)).toMatchObject({ ok: false });
  });

  it("expire after PAIRING_TTL_S on the auth clock", async () => {
    const { me } = await participant("Late");
    const { code } = await issuePairingCode(me.id);
    await setOffset((PAIRING_TTL_S + 1) * 1000);
    expect(await redeemPairingCode(code)).toMatchObject({ ok: false });
  });

  it("a new code replaces the old one", async () => {
    const { me } = await participant("Twice");
    const first = await issuePairingCode(me.id);
    const second = await issuePairingCode(me.id);
    expect(await redeemPairingCode(first.code)).toMatchObject({ ok: false });
    expect(await redeemPairingCode(second.code)).toEqual({ ok: true, userId: me.id });
  });
});

describe("pairing a second device through the actions", () => {
  it("the participant asks for a code; the other browser gets its own key and signs in as them", async () => {
    const { me, browser } = await participant("Grace");
    asBrowser(browser);
    const shown = await newPairingCode(IDLE, form());
    expect(shown).toMatchObject({ status: "ok" });
    const code = codeIn(shown.status === "ok" ? shown.message : "");

    asBrowser({}, "203.0.113.200"); // the second device: no cookies at all
    expect(await pairDevice(IDLE, form({ code: code.toLowerCase() }))).toMatchObject({ status: "ok" });
    const secondKey = jar.get(KEY) ?? "";
    expect(secondKey).not.toBe(browser[KEY]);
    expect((await participantByKey(secondKey))?.id).toBe(me.id);
    expect((await roomSignIn("participant", "jwt", { [KEY]: secondKey })).ok).toBe(true);
    expect(await db.participantKey.count({ where: { userId: me.id } })).toBe(2);
  });

  it("only a signed-in participant can ask for a code", async () => {
    asBrowser({});
    expect(await newPairingCode(IDLE, form())).toMatchObject({
      status: "error",
      message: expect.stringMatching(/signed out/),
    });
  });

  it("bad codes get a sentence, and a guesser is stopped after a few tries", async () => {
    asBrowser({}, "203.0.113.99");
    for (const code of ["", "zzzz", "x".repeat(21)])
      expect(await pairDevice(IDLE, form({ code }))).toMatchObject({ status: "error" });
    const tries = [];
    for (let i = 0; i <= env.AUTH_RATE_LIMIT_ADDRESS; i++)
      tries.push(await pairDevice(IDLE, form({ code: "ABCD-EFGH" })));
    expect(tries.slice(0, 3).every((r) => r.status === "error" && r.message.includes("not valid"))).toBe(
      true,
    );
    expect(tries.at(-1)).toMatchObject({
      status: "error",
      message: expect.stringContaining("Too many wrong codes"),
    });
  });
});
