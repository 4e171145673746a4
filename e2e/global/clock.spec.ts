import type { Page } from "@playwright/test";
import { expect, type Strategy, test } from "../fixtures";
import { LabPage } from "../pages/lab-page";
import { RevocationPage } from "../pages/revocation-page";
import { SignInPage } from "../pages/sign-in-page";
import type { TestUser } from "../support/users";

// Idle (8 h) and absolute (7 days) timeouts, in both modes, by moving the server's auth clock.
// Every test puts the clock back, whatever happened.
test.afterEach(async ({ instructor }) => {
  await instructor.backToNow();
});

const STRATEGIES: readonly Strategy[] = ["database", "jwt"];

interface Device {
  strategy: Strategy;
  page: Page;
}

/** One browser per strategy, each signed in as `user`. */
async function signInOnEachStrategy(
  openDevice: (strategy: Strategy) => Promise<Page>,
  user: TestUser,
  remember: (strategy: Strategy) => boolean = () => false,
): Promise<Device[]> {
  const devices: Device[] = [];
  for (const strategy of STRATEGIES) {
    const page = await openDevice(strategy);
    await new SignInPage(page).signInAs(user, { remember: remember(strategy) });
    devices.push({ strategy, page });
  }
  return devices;
}

async function expectSignedOutWith(device: Device, reason: Record<Strategy, string>): Promise<void> {
  const whoami = await device.page.request.get("/api/whoami");
  expect(whoami.status(), device.strategy).toBe(401);
  expect(((await whoami.json()) as { reason: string }).reason, device.strategy).toContain(
    reason[device.strategy],
  );
  const lab = new LabPage(device.page);
  await lab.goto();
  await expect(lab.summary).toContainText("Not signed in");
  await lab.header.expectSignedOut();
}

test("the Lifetimes card: activity moves the idle end forward, never the absolute one", async ({
  openDevice,
  instructor,
  freshUser,
}) => {
  // "Remember me" on the database device only: the card names each cookie's kind.
  const remembered = (strategy: Strategy) => strategy === "database";
  const devices = await signInOnEachStrategy(openDevice, freshUser, remembered);
  // The "This credential" line: "accepted until <t> (in 8 h) unless activity extends it; never after <t> (in 7 days)".
  const credential = (page: import("@playwright/test").Page) =>
    new RevocationPage(page).lifetime("This credential");
  const neverAfter = async (page: import("@playwright/test").Page) =>
    /never after ([^(]+)\(/.exec((await credential(page).textContent()) ?? "")?.[1]?.trim() ?? "";
  const before = new Map<Strategy, string>();
  for (const { strategy, page } of devices) {
    const revocation = new RevocationPage(page);
    await revocation.goto();
    await expect(revocation.lifetime("Idle timeout")).toContainText("8 h");
    await expect(revocation.lifetime("Absolute timeout")).toContainText("7 days");
    await expect(revocation.lifetime("Absolute timeout")).toContainText("after signing in");
    if (strategy !== "jwt-refresh") await expect(credential(page)).toContainText("(in 8 h)");
    await expect(credential(page)).toContainText("(in 7 days)");
    await expect(revocation.lifetime("Cookie")).toHaveText(
      remembered(strategy) ? "persistent (“Remember me”)" : "session cookie: gone when the browser closes",
    );
    before.set(strategy, await neverAfter(page));
    expect(before.get(strategy)).not.toBe("");
  }

  await instructor.moveClock("+1 hour");
  for (const { strategy, page } of devices) {
    const revocation = new RevocationPage(page);
    await revocation.goto(); // activity past the update age: the session is extended (a JWT is re-issued)…
    await revocation.goto(); // …and this request carries the result
    await revocation.header.expectSignedInAs(freshUser.email);
    if (strategy !== "jwt-refresh") await expect(credential(page)).toContainText("(in 8 h)");
    // The absolute end is the same instant as before: activity never moves it.
    expect(await neverAfter(page)).toBe(before.get(strategy));
  }
});

test("idle timeout: after 9 hours without a request both kinds of session are over", async ({
  openDevice,
  instructor,
  freshUser,
}) => {
  const devices = await signInOnEachStrategy(openDevice, freshUser);
  await instructor.moveClock("+9 hours");
  for (const device of devices) {
    // Each refusal names the limit that fired (issue 6, defect 12). In refresh mode the minute-long
    // access token is what /api/whoami sees first; the page load then finds its refresh token idle too.
    await expectSignedOutWith(device, {
      database: "The session passed its idle timeout",
      jwt: "The token passed its idle timeout",
      "jwt-refresh": "The access token expired",
    });
  }
});

test("absolute timeout: 8 days after sign-in both kinds of session are over", async ({
  openDevice,
  instructor,
  freshUser,
}) => {
  const devices = await signInOnEachStrategy(openDevice, freshUser);
  await instructor.moveClock("+8 days");
  for (const device of devices) {
    // The absolute timeout is checked first, so it is the one named, in every mode.
    await expectSignedOutWith(device, {
      database: "The session passed its absolute timeout",
      jwt: "The token passed its absolute timeout",
      "jwt-refresh": "The token passed its absolute timeout",
    });
  }
});
