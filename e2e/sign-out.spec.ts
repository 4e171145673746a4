import { expect, test } from "./fixtures";
import { cookieHeader, findCookie, SESSION_COOKIE, STRATEGY_COOKIE, sessionCookie } from "./support/cookies";

test("Sign out ends the session", async ({ page, request, strategy, signInPage, labPage, freshUser }) => {
  await signInPage.signInAs(freshUser);
  const old = (await sessionCookie(page.context())).value;

  await labPage.header.signOut();
  await expect(labPage.summary).toContainText("You signed out. Not signed in.");
  await labPage.header.expectSignedOut();
  expect(await findCookie(page.context(), SESSION_COOKIE)).toBeUndefined();
  expect((await page.request.get("/api/whoami")).status()).toBe(401);

  if (strategy === "database") {
    // The row is gone, so even a copy of the old cookie no longer works.
    const copy = await request.get("/api/whoami", {
      headers: { cookie: cookieHeader({ [STRATEGY_COOKIE]: "database", [SESSION_COOKIE]: old }) },
    });
    expect(copy.status()).toBe(401);
  }
});

test("a response already on its way when you sign out does not sign you back in", async ({
  page,
  signInPage,
  labPage,
  freshUser,
}) => {
  // Issue 6, defect 6: a JWT is re-issued only past its update age and never on a prefetch, so a
  // response to a request sent before the sign-out cannot put a valid session cookie back.
  await signInPage.signInAs(freshUser);
  await page.waitForLoadState("networkidle");

  // A request sent just before the click (a prefetch, another tab) is answered just after it.
  let answered = () => {};
  let release = () => {};
  const serverAnswered = new Promise<void>((resolve) => (answered = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/mailbox", async (route) => {
    const response = await route.fetch();
    answered();
    await released;
    await route.fulfill({ response });
  });
  const slowRequest = page.evaluate(() => fetch("/mailbox").then((r) => r.status));
  await serverAnswered;

  await labPage.header.signOutButton.click();
  await labPage.header.expectSignedOut();
  release();
  expect(await slowRequest).toBe(200);

  await labPage.goto();
  await expect(labPage.summary).toContainText("Not signed in");
  expect((await page.request.get("/api/whoami")).status()).toBe(401);
});
