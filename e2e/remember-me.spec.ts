import { expect, test } from "./fixtures";
import { SESSION_COOKIE, sessionCookie } from "./support/cookies";

test("unchecked: the session cookie dies with the browser", async ({
  page,
  signInPage,
  labPage,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser, { remember: false });
  expect((await sessionCookie(page.context())).expires).toBe(-1);
  await expect(labPage.cookieRow(SESSION_COOKIE)).toContainText("session cookie (no Expires)");

  await labPage.goto(); // a refreshed cookie must stay a session cookie
  expect((await sessionCookie(page.context())).expires).toBe(-1);
});

test("checked: the session cookie is persistent", async ({ page, signInPage, labPage, freshUser }) => {
  await signInPage.signInAs(freshUser, { remember: true });
  expect((await sessionCookie(page.context())).expires).toBeGreaterThan(Date.now() / 1000);
  await expect(labPage.cookieRow(SESSION_COOKIE)).toContainText("persistent");
});
