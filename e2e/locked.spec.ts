import { expect, test } from "./fixtures";
import { findCookie, STRATEGY_COOKIE } from "./support/cookies";
import { BASE_URL } from "./support/env";

// Runs in the "locked" project only: the second server (AUTH_STRATEGY_LOCKED=1, default JWT),
// in a browser whose auth-strategy cookie asks for Database.

test("a locked server shows the strategy it is locked to and ignores the browser's choice", async ({
  page,
  header,
  signInPage,
  labPage,
  freshUser,
}) => {
  expect((await findCookie(page.context(), STRATEGY_COOKIE))?.value).toBe("database");

  await labPage.goto();
  await expect(header.strategySelect).toBeDisabled();
  await expect(header.strategySelect).toHaveValue("jwt");
  await expect(header.strategySelect.locator("option:checked")).toHaveText("JWT");
  await expect(header.lockedNote).toBeVisible();

  await signInPage.signInAs(freshUser);
  await expect(labPage.tokenPanel).toContainText("A JWE");
  await expect(labPage.tokenPanel.getByRole("listitem")).toHaveCount(5);
  await expect(labPage.serverPanel).toContainText("Nothing.");
  expect((await findCookie(page.context(), STRATEGY_COOKIE))?.value).toBe("database");

  // Not just the page: the API, asked for Database by the cookie, still reads the JWT.
  const whoami = await page.request.get("/api/whoami");
  expect(whoami.status()).toBe(200);
  expect(((await whoami.json()) as { user?: { email?: string } }).user?.email).toBe(freshUser.email);
  // The unlocked server gets the same cookies (cookies ignore ports), takes the browser's word for
  // Database, and finds no session row for a JWE.
  const unlocked = await page.request.get(`${BASE_URL}/api/whoami`);
  expect(unlocked.status()).toBe(401);
});
