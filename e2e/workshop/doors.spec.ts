import { SignInPage } from "../pages/sign-in-page";
import { DEMO_PASSWORD } from "../support/env";
import { expect, type Person, signInAsInstructor, tag, test } from "./fixtures";

/**
 * The room's doors: joining with a name, signing out and in again with the browser's key, pairing
 * a second device with a one-time code, the instructor's secret, and what a workshop refuses.
 */
/** A participant who joined, signed out, and is back at /join with its "Sign in again" button. */
async function signedOutAtJoin(join: (name: string) => Promise<Person>) {
  const ada = await join(`Ada ${tag()}`);
  await ada.header.signOut();
  await ada.page.goto("/join");
  return { ada, again: ada.page.getByRole("button", { name: `Sign in again as ${ada.name}` }) };
}

test("a participant joins with a name, signs out, and signs in again with nothing to type", async ({
  join,
}) => {
  const { ada, again } = await signedOutAtJoin(join);
  await again.click();
  await expect(ada.page).toHaveURL("/");
  await ada.header.expectSignedInAs(ada.name);
});

test.describe("a dropped connection", () => {
  // The aborted sign-in request is the point of the test: Chromium logs it as a failed load.
  test.use({ allowedConsoleErrors: [/net::ERR_FAILED|Failed to fetch/] });

  test("signing in again while the network is down: a sentence, and the button works after", async ({
    join,
  }) => {
    const { ada, again } = await signedOutAtJoin(join);
    await ada.page.route("**/api/auth/callback/participant**", (route) => route.abort());
    await again.click();
    await expect(ada.page.getByRole("status").filter({ hasText: "could not be reached" })).toBeVisible();
    await expect(again).toBeEnabled();
    await ada.page.unroute("**/api/auth/callback/participant**");
    await again.click();
    await expect(ada.page).toHaveURL("/");
    await ada.header.expectSignedInAs(ada.name);
  });
});

test("a bad display name gets a sentence, not an error page", async ({ openBrowser }) => {
  const page = await openBrowser();
  await page.goto("/join");
  await page.getByLabel("Display name").fill("   ");
  await page.getByLabel("Display name").evaluate((el) => el.removeAttribute("required"));
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Type a name" })).toBeVisible();
});

test("a second device joins with a one-time pairing code, once", async ({ join, openBrowser }) => {
  const grace = await join(`Grace ${tag()}`, "jwt");
  await grace.page.goto("/join");
  await grace.page.getByRole("button", { name: "Show a pairing code" }).click();
  const status = grace.page.getByRole("status").filter({ hasText: "Your pairing code is" });
  const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec((await status.textContent()) ?? "")?.[1] ?? "";
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  const laptop = await openBrowser("database");
  await laptop.goto("/join");
  await laptop.getByLabel("Pairing code").fill(code.toLowerCase());
  await laptop.getByRole("button", { name: "Add this device" }).click();
  await expect(laptop).toHaveURL("/");
  await expect(laptop.getByRole("banner")).toContainText(`Signed in as ${grace.name}`);

  // Single use: a third browser with the same code is refused.
  const third = await openBrowser();
  await third.goto("/join");
  await third.getByLabel("Pairing code").fill(code);
  await third.getByRole("button", { name: "Add this device" }).click();
  await expect(third.getByRole("status").filter({ hasText: "not valid" })).toBeVisible();
  await expect(third.getByRole("banner")).not.toContainText("Signed in as");
});

test("the demo accounts and their public password are refused in a workshop", async ({ openBrowser }) => {
  const page = await openBrowser();
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Demo accounts" })).toHaveCount(0);
  const signIn = new SignInPage(page);
  for (const email of ["instructor@example.com", "alice@example.com"]) {
    await signIn.signInWithPassword(email, DEMO_PASSWORD);
    await expect(signIn.status).toContainText("Wrong email or password");
  }
  await page.goto("/instructor");
  await expect(page.getByRole("heading", { name: "Instructor secret" })).toBeVisible();
});

test("the instructor signs in with the secret, and a wrong secret is refused", async ({ openBrowser }) => {
  const page = await openBrowser();
  await signInAsInstructor(page, "not-the-secret-at-all");
  await expect(page.getByRole("status").filter({ hasText: "not the instructor's secret" })).toBeVisible();
  await signInAsInstructor(page);
  await expect(page.getByRole("heading", { level: 1, name: "Instructor console: the room" })).toBeVisible();
});

test("when the instructor closes joining, /join says so; reopening lets people in", async ({
  instructor,
  openBrowser,
}) => {
  await instructor.page.getByRole("button", { name: "Close joining" }).click();
  await expect(instructor.page.getByRole("button", { name: "Open joining" })).toBeVisible();
  const late = await openBrowser();
  await late.goto("/join");
  await expect(late.getByText("Joining is closed")).toBeVisible();
  await expect(late.getByLabel("Display name")).toHaveCount(0);
  await instructor.page.getByRole("button", { name: "Open joining" }).click();
  await expect(instructor.page.getByRole("button", { name: "Close joining" })).toBeVisible();
  await late.reload();
  await expect(late.getByLabel("Display name")).toBeVisible();
});
