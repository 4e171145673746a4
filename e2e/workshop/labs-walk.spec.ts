import { LABS } from "../../lib/labs/catalog";
import { GuidedLabPage } from "../pages/guided-lab-page";
import { RevocationPage } from "../pages/revocation-page";
import { sessionCookie } from "../support/cookies";
import { expect, type Person, tag, test } from "./fixtures";
import {
  clockBackToNow,
  moveClock,
  openConsole,
  setDenyListCheck,
  signInAgain,
  switchModeAndSignIn,
} from "./lab-steps";

/**
 * Issue 9's walk: participant A does every lab's steps on the app's own pages, in a browser of
 * their own, while a second tab of A's stays on the lab and watches each checkpoint turn green by
 * itself (the page polls; nothing is ticked or reloaded). Participant B, in another browser, tries
 * A's token and keeps only what B did; the instructor pulls the server-wide levers and sees A's
 * progress. Once per starting mode. What A's steps are is each lab's own text (lib/labs/catalog-*.ts).
 */
const LAB_IDS = LABS.map((l) => l.id);

/** What B holds from joining alone: a session in B's mode, and the clock moved since B's sign-in. */
const B_REACHES: Record<"database" | "jwt", string[]> = {
  database: ["state:database", "lifetimes:row-expiry", "lifetimes:time-travel"],
  jwt: ["state:jwt", "jwt:issued", "lifetimes:time-travel"],
};

// A control that never comes (or stays disabled) fails in 15 s, not at the end of the test's time.
test.use({ actionTimeout: 15_000 });

/** Server-wide levers this test moved, put back after it even if it fails (the room is shared). */
const moved = { clock: false, denyListWasOn: true };

test.afterEach(async ({ instructor }) => {
  if (moved.clock) await clockBackToNow(instructor.page);
  if (!moved.denyListWasOn) await setDenyListCheck(instructor.page, false);
});

/** A keeps a stolen copy of their session and replays it: accepted, as a thief's would be. */
async function stealAndReplay(a: Person, watch: GuidedLabPage): Promise<RevocationPage> {
  await watch.goto("revocation");
  const revocation = new RevocationPage(a.page);
  await revocation.goto();
  await revocation.keepStolenCopy();
  await expect((await revocation.replayStolenCopy()).outcome).toHaveText("accepted");
  await watch.expectReached("revocation:copy", "revocation:accepted");
  return revocation;
}

/** Pastes a token into the lab's decoder on `page` and asks the server to read it. */
async function decode(page: Person["page"], token: string) {
  await page.getByLabel("Token to decode").fill(token);
  await page.getByRole("button", { name: "Decode", exact: true }).click();
}

/** Database: a stolen copy, accepted; deleting this device's row refuses it (the automatic replay). */
async function revokeARow(a: Person, watch: GuidedLabPage) {
  const revocation = await stealAndReplay(a, watch);
  await revocation.revokeThisDeviceButton.click();
  await expect(revocation.notice).toContainText("This device's session was deleted");
  await a.header.expectSignedOut();
  await watch.expectReached("revocation:row-refused");
}

/** JWT: the decoder (own JWE, then a signed access token; B's try with A's token counts for nobody), then the deny-list. */
async function readAndDenyAJwt(a: Person, b: Person, watch: GuidedLabPage) {
  const lab = new GuidedLabPage(a.page);
  await lab.goto("jwt");
  await lab.expectReached("jwt:issued");
  const ownJwe = (await sessionCookie(a.context)).value;

  const labB = new GuidedLabPage(b.page);
  await labB.goto("jwt");
  await decode(b.page, ownJwe);
  await expect(b.page.getByRole("status").filter({ hasText: "someone else's session" })).toBeVisible();

  await decode(a.page, ownJwe);
  await expect(a.page.getByText("bytes of ciphertext")).toBeVisible();
  await lab.expectReached("jwt:read-jwe");
  await a.page.getByRole("button", { name: "Get a signed access token" }).click();
  const accessToken = await a.page.getByLabel("Your signed access token").inputValue();
  await decode(a.page, accessToken);
  await expect(a.page.getByText("JWS (signed, not encrypted)")).toBeVisible();
  await lab.expectReached("jwt:read-jws");
  await labB.expectNotReached("jwt:read-jwe", "jwt:read-jws");

  const revocation = await stealAndReplay(a, watch);
  await revocation.denyThisTokenButton.click();
  await expect(revocation.notice).toContainText("This token's sid is on the deny-list");
  await a.header.expectSignedOut();
  await watch.expectReached("revocation:deny-list", "revocation:token-refused");
}

async function stealAndRevoke(start: "database" | "jwt", a: Person, b: Person, watch: GuidedLabPage) {
  const other = start === "database" ? "jwt" : "database";
  for (const mode of [start, other] as const) {
    if (mode !== start) {
      await watch.goto("state");
      await switchModeAndSignIn(a, mode === "jwt" ? "JWT" : "Database");
      await watch.expectReached(`state:${mode}`);
    }
    if (mode === "database") await revokeARow(a, watch);
    else await readAndDenyAJwt(a, b, watch);
  }
  await switchModeAndSignIn(a, "JWT + refresh");
  const revocation = new RevocationPage(a.page);
  await revocation.goto();
  await revocation.revokeFamilyButton.click();
  await expect(revocation.notice).toContainText("Refresh family revoked");
  await watch.expectReached("revocation:refresh");
}

async function xssServicesAndChoices(a: Person, watch: GuidedLabPage) {
  await watch.goto("browser");
  await a.page.goto("/labs/browser/xss/demo");
  await a.page.getByRole("button", { name: "Post comment" }).click();
  const loot = a.page.getByRole("region", { name: "What the injected script sent back" });
  await expect(loot).toContainText("Stolen from localStorage");
  await expect(loot).toContainText("HttpOnly");
  await watch.expectReached("browser:xss-token", "browser:xss-cookie");

  await watch.goto("beyond");
  await a.page.goto("/services");
  await expect(a.page.getByRole("note").filter({ hasText: "Orders service at" })).toContainText("running");
  const viaToken = a.page.getByRole("region", { name: "With a signed access token" });
  await viaToken.getByRole("button", { name: "Call with an access token" }).click();
  await expect(viaToken.getByRole("status")).toContainText(/^Access token: \d+ orders\./);
  await watch.expectReached("beyond:access-token", "beyond:orders");

  const lab = new GuidedLabPage(a.page);
  await lab.goto("choose");
  const answers = [
    ["A banking app", "Database", "Fraud means we must revoke every session at once."],
    ["An e-commerce platform of services", "JWT + refresh", "Each service verifies the signature alone."],
    [
      "A multi-client SaaS (web, mobile, CLI)",
      "JWT + refresh",
      "Mobile and CLI clients send a bearer header.",
    ],
  ] as const;
  for (const [product, mode, reason] of answers) {
    const form = a.page.getByRole("form", { name: product });
    await form.getByLabel(`Mode for ${product.toLowerCase()}`).selectOption({ label: mode });
    await form.getByLabel(`Why, for ${product.toLowerCase()}`).fill(reason);
    await form.getByRole("button", { name: "Submit my choice" }).click();
    await expect(form.getByRole("status")).toContainText(`for ${product.toLowerCase()}`);
  }
  await lab.expectReached("choose:banking", "choose:ecommerce", "choose:saas");
}

for (const start of ["database", "jwt"] as const) {
  test(`starting in ${start} mode, a participant walks every lab to all its checkpoints; another participant's stay their own`, async ({
    instructor,
    join,
  }) => {
    // Nothing of this test's to put back until the switch answers.
    Object.assign(moved, { clock: false, denyListWasOn: true });
    moved.denyListWasOn = await setDenyListCheck(instructor.page, true);
    const t = tag();
    const a = await join(`Ada ${t}`, start);
    const b = await join(`Bob ${t}`, start);
    // A's second tab: the lab being worked on, left open (it polls the server every 2 s).
    const watch = new GuidedLabPage(await a.context.newPage());
    await watch.goto("state");
    await watch.expectReached(`state:${start}`);

    await stealAndRevoke(start, a, b, watch);
    await watch.goto("state");
    await switchModeAndSignIn(a, "Database + cookie cache");
    await watch.expectReached("state:cookie-cache");
    await xssServicesAndChoices(a, watch);

    // Lifetimes: the instructor moves the auth clock past the idle timeout (8 h); A is signed out and signs in again.
    await watch.goto("lifetimes");
    await watch.expectReached("lifetimes:row-expiry");
    moved.clock = true;
    await moveClock(instructor.page, "+9 hours");
    await watch.expectReached("lifetimes:time-travel");
    await a.page.reload();
    await a.header.expectSignedOut();
    await signInAgain(a);
    await watch.expectReached("lifetimes:signed-in-again");
    await clockBackToNow(instructor.page);
    moved.clock = false;

    // Every checkpoint of every lab is A's; B's lab pages show only what B did.
    const labB = new GuidedLabPage(b.page);
    for (const lab of LAB_IDS) {
      const ids = GuidedLabPage.workshopCheckpoints(lab);
      await watch.goto(lab);
      await watch.expectReached(...ids);
      await labB.goto(lab);
      await labB.expectReached(...ids.filter((id) => B_REACHES[start].includes(id)));
      await labB.expectNotReached(...ids.filter((id) => !B_REACHES[start].includes(id)));
    }

    // The instructor's console counts A's checkpoints per lab.
    await openConsole(instructor.page, `/instructor?q=${t}`);
    const card = instructor.page.getByRole("listitem", { name: a.name });
    for (const lab of LAB_IDS) {
      const n = GuidedLabPage.workshopCheckpoints(lab).length;
      await expect(card).toContainText(`${lab}: ${n}/${n}`);
    }
    await expect(instructor.page.getByRole("listitem", { name: b.name })).toContainText("revocation: 0/6");
  });
}
