import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { denyToken } from "@/features/instructor/actions";
import {
  denyAllMyTokens,
  denyThisToken,
  discardAction,
  keepCopyAction,
  replayAction,
  revokeMyFamily,
} from "@/features/revocation/actions";
import { deleteSessionAction, newPairingCode } from "@/features/room/actions";
import { revokeOne } from "@/features/sessions/actions";
import { liveDenyEntries } from "@/lib/auth/deny-list";
import { decodeSessionJwt } from "@/lib/auth/jwt-codec";
import { withMailOrigin } from "@/lib/auth/mail-origin";
import { sha256 } from "@/lib/auth/tokens";
import { nowSeconds } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readMail } from "@/lib/mailbox";
import { workshopMagicLinkAllowed } from "@/lib/room/policy";
import { joinAs } from "./support/room-people";
import { asBrowser, form, IDLE } from "./support/room-request";

vi.mock("next/headers", async () => (await import("./support/room-request")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.setConfig({ testTimeout: 30_000 });

/**
 * Participants cannot hurt each other. Participant B calls the real server actions (the guard,
 * the read path and the data layer all run; only next/headers is a stand-in) with participant A's
 * ids in the form, and every one is refused or acts on B's own things only.
 */
const SESSION = "authjs.session-token";
type Person = Awaited<ReturnType<typeof joinAs>>;
type Browser = Awaited<ReturnType<Person["browser"]>>;
let a: Person;
let b: Person;
let aDb: Browser;
let aRefresh: Browser;
let bDb: Browser;
let bRefresh: Browser;

async function sidOf(browser: Browser, mode: "jwt" | "jwt-refresh") {
  const d = await decodeSessionJwt(browser.cookie, SESSION, mode, nowSeconds());
  if (!d.ok) throw new Error(d.reason);
  return d.claims;
}

/** Runs an action that may end in a redirect (revocation notices do): the redirect is its answer. */
async function settle(p: Promise<unknown>) {
  return p.catch((e: { digest?: string }) => ({ redirected: e.digest ?? String(e) }));
}

beforeAll(async () => {
  env.SESSION_LAB_MODE = "workshop";
  a = await joinAs("Ada Isolated");
  b = await joinAs("Bob Isolated");
  [aDb, aRefresh, bDb, bRefresh] = await Promise.all([
    a.browser("database"),
    a.browser("jwt-refresh"),
    b.browser("database"),
    b.browser("jwt-refresh"),
  ]);
});
afterAll(() => {
  env.SESSION_LAB_MODE = "demo";
});

describe("participant B and participant A's things", () => {
  it("stolen copies: B can neither replay nor discard A's copy by its id", async () => {
    asBrowser(aDb.cookies);
    expect(await keepCopyAction(IDLE, form())).toMatchObject({ status: "ok" });
    const copy = await db.stolenCopy.findFirstOrThrow({
      where: { userId: a.id },
      orderBy: { createdAt: "desc" },
    });

    for (const browser of [bDb.cookies, { ...bDb.cookies, "session-lab.bench": "" }]) {
      asBrowser(browser);
      expect(await replayAction(IDLE, form({ copyId: copy.id }))).toEqual({
        status: "error",
        message: "That copy is gone.",
      });
      expect(await discardAction(IDLE, form({ copyId: copy.id }))).toEqual({
        status: "error",
        message: "That copy is gone.",
      });
    }
    expect(
      await db.stolenCopy.findUnique({ where: { id: copy.id }, include: { replays: true } }),
    ).toMatchObject({
      replays: [],
    });
  });

  it("sessions: B cannot delete A's session row by its hash", async () => {
    asBrowser(bDb.cookies);
    const hash = sha256(aDb.cookie);
    expect(await revokeOne(IDLE, form({ hash }))).toEqual({
      status: "error",
      message: "That session was already gone.",
    });
    expect(await deleteSessionAction(IDLE, form({ userId: a.id, hash }))).toMatchObject({
      message: expect.stringMatching(/^Instructor only/),
    });
    expect(await db.session.count({ where: { sessionToken: hash } })).toBe(1);
  });

  it("deny-list: B's deny actions ignore a forged sid and deny only B's own tokens", async () => {
    const aSid = (await sidOf(aRefresh, "jwt-refresh")).sid;
    const bSid = (await sidOf(bRefresh, "jwt-refresh")).sid;
    asBrowser(bRefresh.cookies);
    const outcome = await settle(denyThisToken(IDLE, form({ sid: aSid, userId: a.id })));
    expect(outcome).toMatchObject({ redirected: expect.stringContaining("notice=deny-unchecked") });
    expect(await denyToken(IDLE, form({ sid: aSid, userId: a.id }))).toMatchObject({
      message: expect.stringMatching(/^Instructor only/),
    });
    await settle(denyAllMyTokens(IDLE, form({ userId: a.id })));
    const entries = await liveDenyEntries();
    expect(entries.some((e) => e.value === bSid)).toBe(true);
    expect(entries.some((e) => e.kind === "user" && e.value === b.id)).toBe(true);
    expect(entries.some((e) => e.value === aSid || e.value === a.id)).toBe(false);
  });

  it("refresh families: B revoking a family (with A's id in the form) revokes B's own", async () => {
    const aFam = (await sidOf(aRefresh, "jwt-refresh")).fam ?? "";
    const bFresh = await b.browser("jwt-refresh");
    asBrowser(bFresh.cookies);
    await settle(revokeMyFamily(IDLE, form({ fam: aFam, familyId: aFam })));
    expect(await db.refreshFamily.findUnique({ where: { id: aFam } })).toMatchObject({ revokedAt: null });
    const bFam = (await sidOf(bFresh, "jwt-refresh")).fam ?? "";
    expect((await db.refreshFamily.findUnique({ where: { id: bFam } }))?.revokedAt).not.toBeNull();
  });

  it("mail: B cannot have A's sign-in link sent, nor read A's mail", async () => {
    const ask = (userId: string | null) =>
      withMailOrigin({ benchId: b.bench, userId }, () => workshopMagicLinkAllowed(a.email, true));
    expect(await ask(b.id)).toBe(false);
    expect(await ask(null)).toBe(false);
    expect(
      await withMailOrigin({ benchId: a.bench, userId: a.id }, () => workshopMagicLinkAllowed(a.email, true)),
    ).toBe(true);
    expect(await workshopMagicLinkAllowed(`new-${b.email}`, false)).toBe(false); // no accounts by email

    await db.mailMessage.create({
      data: {
        to: a.email,
        subject: "A's link",
        url: "sealed",
        expires: new Date(Date.now() + 60_000),
        benchId: a.bench,
        requesterId: a.id,
      },
    });
    const bob = { id: b.id, email: b.email, name: b.name, role: "user" };
    const mail = await readMail({ benchId: b.bench, user: bob }, "");
    expect(mail.messages.some((m) => m.to === a.email)).toBe(false);
  });

  it("pairing: B's code is for B, whatever the form says", async () => {
    asBrowser(bDb.cookies);
    const shown = await newPairingCode(IDLE, form({ userId: a.id }));
    expect(shown.status).toBe("ok");
    expect(await db.pairingCode.count({ where: { userId: a.id } })).toBe(0);
    expect(await db.pairingCode.count({ where: { userId: b.id } })).toBe(1);
  });
});
