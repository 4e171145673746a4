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
