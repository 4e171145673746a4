import { expect, type Person, tag, test } from "../workshop/fixtures";
import { decode, expectCheckpoints, keepAndReplay, readOwnJwt, replayAgain, signInAgainIn } from "./bench";

/**
 * The guided labs walked end to end in a workshop: an instructor and two participants, each in a
 * browser of their own, one starting in Database mode and one in JWT mode. Every checkpoint is
 * reached by doing the step on the app's own pages; none is ever ticked.
 */
test.describe.configure({ mode: "serial" });

async function walkState(p: Person) {
  for (const mode of ["database", "jwt", "cookie-cache"] as const) await signInAgainIn(p, mode);
  await expectCheckpoints(p, "state", ["state:database", "state:jwt", "state:cookie-cache"]);
}

async function walkJwt(p: Person, other: Person) {
  await signInAgainIn(p, "jwt");
  await p.page.goto("/labs/jwt");
  // Someone else's token decrypts, but counts for nobody.
  await decode(p, await readOwnJwt(other));
  await expect(p.page.getByRole("status").filter({ hasText: "someone else" })).toBeVisible();
  await expect(p.page.locator('[data-checkpoint="jwt:read-jwe"]')).toHaveAttribute("data-done", "false");
  await decode(p, await readOwnJwt(p));
  await expect(p.page.getByText("bytes of ciphertext")).toBeVisible();
  await p.page.getByRole("button", { name: "Get a signed access token" }).click();
  const token = await p.page.getByLabel("Your signed access token").inputValue();
  await decode(p, token);
  await expect(p.page.getByText('"aud": "orders"')).toBeVisible();
  // Live: no reload between the action and the green checkpoint.
  await expect(p.page.locator('[data-checkpoint="jwt:read-jws"]')).toHaveAttribute("data-done", "true");
  await expectCheckpoints(p, "jwt", ["jwt:issued", "jwt:read-jwe", "jwt:read-jws"]);
}

async function walkRevocation(p: Person) {
  await signInAgainIn(p, "database");
  await keepAndReplay(p);
  await p.page.getByRole("button", { name: /\(this device\)/ }).click();
  await replayAgain(p);
  await signInAgainIn(p, "jwt");
  await keepAndReplay(p);
  await p.page.getByRole("button", { name: "Deny-list this device's token" }).click();
  await replayAgain(p);
  await signInAgainIn(p, "jwt-refresh");
  await p.page.goto("/revocation");
  await p.page.getByRole("button", { name: "Revoke my refresh family" }).click();
  await expectCheckpoints(p, "revocation", [
    "revocation:copy",
    "revocation:accepted",
    "revocation:row-refused",
    "revocation:deny-list",
    "revocation:token-refused",
    "revocation:refresh",
  ]);
}

async function walkBrowser(p: Person) {
  await signInAgainIn(p, "database");
  await p.page.goto("/labs/browser");
  const demo = await p.context.newPage();
  await demo.goto("/labs/browser/xss/demo");
  await expect(demo.getByRole("note")).toContainText("Deliberately vulnerable demo page");
  await demo.getByRole("button", { name: "Post comment" }).click();
  await expect(demo.locator("#loot")).toContainText("Stolen from localStorage");
  await expect(demo.locator("#loot")).toContainText("it is HttpOnly");
  await demo.close();
  // The lab page, left open, turns green by itself.
  for (const id of ["browser:xss-token", "browser:xss-cookie"])
    await expect(p.page.locator(`[data-checkpoint="${id}"]`)).toHaveAttribute("data-done", "true");
}

async function walkBeyond(p: Person) {
  await p.page.goto("/services");
  await p.page.getByRole("button", { name: "Call with an access token" }).click();
  await expectCheckpoints(p, "beyond", ["beyond:access-token"]);
}

async function walkChoose(p: Person) {
  await p.page.goto("/labs/choose");
  const answers = [
    ["A banking app", "Database", "Fraud means we must revoke every session instantly."],
    ["An e-commerce platform of services", "JWT + refresh", "Each service verifies the signature alone."],
    [
      "A multi-client SaaS (web, mobile, CLI)",
      "JWT + refresh",
      "Mobile and CLI clients send a bearer header.",
    ],
  ] as const;
  for (const [product, mode, reason] of answers) {
    const form = p.page.getByRole("form", { name: product });
    await form.getByLabel(`Mode for ${product.toLowerCase()}`).selectOption({ label: mode });
    await form.getByLabel(`Why, for ${product.toLowerCase()}`).fill(reason);
    await form.getByRole("button", { name: "Submit my choice" }).click();
    await expect(form.getByRole("status")).toContainText("strong");
  }
  await expectCheckpoints(p, "choose", ["choose:banking", "choose:ecommerce", "choose:saas"]);
}

test("two participants walk every lab to its checkpoints, the instructor sees their progress", async ({
  instructor,
  join,
}) => {
  test.setTimeout(600_000);
  const ada = await join(`Ada ${tag()}`, "database");
  const bob = await join(`Bob ${tag()}`, "jwt");

  // The deny-list labs need the server-wide check on: the instructor's lever (JWT mode).
  await instructor.page.goto("/revocation");
  const check = instructor.page.getByRole("button", { name: "Check the deny-list on every request" });
  if (await check.isVisible()) await check.click();

  for (const [p, other] of [
    [ada, bob],
    [bob, ada],
  ] as const) {
    await walkState(p);
    await walkJwt(p, other);
    await walkRevocation(p);
  }

  // Lifetimes: the instructor moves the clock past the idle timeout; both must sign in again.
  await instructor.page.goto("/instructor");
  await instructor.page.getByRole("button", { name: "Move the auth clock +9 hours" }).click();
  for (const p of [ada, bob]) {
    await p.page.goto("/labs/lifetimes");
    await expect(p.page.locator('[data-checkpoint="lifetimes:time-travel"]')).toHaveAttribute(
      "data-done",
      "true",
    );
    await signInAgainIn(p, "database");
    await expectCheckpoints(p, "lifetimes", [
      "lifetimes:row-expiry",
      "lifetimes:time-travel",
      "lifetimes:signed-in-again",
    ]);
  }

  for (const p of [ada, bob]) {
    await walkBrowser(p);
    await walkBeyond(p);
    await walkChoose(p);
  }

  // The instructor's console shows each participant's progress per lab, live.
  await instructor.page.goto("/instructor");
  await instructor.page.getByRole("button", { name: "Back to now" }).click();
  const card = instructor.page.getByRole("listitem", { name: ada.name });
  await expect(card).toContainText("state: 3/3");
  await expect(card).toContainText("revocation: 6/6");
  await expect(card).toContainText("choose: 3/3");
});

test("a participant can read another's progress or lab levers nowhere", async ({ join, openBrowser }) => {
  const ada = await join(`Ada ${tag()}`, "database");
  const bob = await join(`Bob ${tag()}`, "database");
  await ada.page.goto("/labs/choose");
  // Bob's lab pages show Bob's checkpoints only; a stranger's browser shows none.
  const status = await bob.page.request.get("/labs/state/status");
  expect(await status.json()).toMatchObject({ signedIn: true });
  const stranger = await openBrowser("database");
  const anon = await stranger.request.get("/labs/state/status");
  expect(await anon.json()).toEqual({ signedIn: false, checkpoints: [] });
  // The XSS collector takes loot only from this site's own page.
  const forged = await bob.page.request.post("/labs/browser/xss/loot", {
    headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" },
    data: { token: "x", cookies: "" },
  });
  expect(forged.status()).toBe(403);
  // Unknown labs are a 404 page, not an error.
  const missing = await bob.page.goto("/labs/no-such-lab");
  expect(missing?.status()).toBe(404);
});
