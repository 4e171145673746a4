import { expect, test } from "../fixtures";
import { LabPage } from "../pages/lab-page";
import { refreshOverHttp } from "../support/api";
import { findCookie, REFRESH_COOKIE } from "../support/cookies";

// JWT + refresh, once the 60 s access token has run out: the instructor moves the auth clock
// (for the whole server, hence the global project) instead of the test waiting a minute.
test.use({ strategy: "jwt-refresh" });

test.afterEach(async ({ instructor }) => {
  await instructor.backToNow();
});

test("an expired access token is renewed from the refresh cookie on the next page load", async ({
  page,
  signInPage,
  revocationPage,
  instructor,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  const before = (await findCookie(page.context(), REFRESH_COOKIE))?.value;

  await instructor.moveClock("+5 min");
  await revocationPage.goto();
  await revocationPage.header.expectSignedInAs(freshUser.email);
  expect((await findCookie(page.context(), REFRESH_COOKIE))?.value).not.toBe(before);
  await expect(revocationPage.accessTokenTimer).toHaveText(/^\d+ s$/);
  const family = revocationPage.refreshFamilies.filter({ hasText: "this device" });
  await expect(family).toContainText("1 rotation");
  await expect(family).toContainText("active");
});

test("after the family is revoked, the stolen copy dies with its access token, refresh token and all", async ({
  page,
  signInPage,
  revocationPage,
  instructor,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  await revocationPage.goto();
  await revocationPage.keepStolenCopy();
  await revocationPage.revokeFamilyButton.click();
  await expect(revocationPage.newestReplay().outcome).toHaveText("accepted");

  await instructor.moveClock("+5 min");
  const replay = await revocationPage.replayStolenCopy();
  await expect(replay.outcome).toHaveText("rejected");
  await expect(replay.why).toContainText("The access token expired");
  await expect(replay.why).toContainText(
    "The stolen refresh token was refused too: The refresh family was revoked (revoked by its owner).",
  );

  // The owner's next page load cannot renew either: signed out.
  const lab = new LabPage(page);
  await lab.goto();
  await expect(lab.summary).toContainText("Not signed in");
  await lab.header.expectSignedOut();
});

test("a rotated refresh token used again after the grace window revokes the whole family", async ({
  page,
  playwright,
  signInPage,
  instructor,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  const stolen = (await findCookie(page.context(), REFRESH_COOKIE))?.value ?? "";
  const rotated = await refreshOverHttp(playwright, stolen);
  expect(rotated.status).toBe(200);

  await instructor.moveClock("+1 min"); // well past the 10 s grace window
  const reuse = await refreshOverHttp(playwright, stolen);
  expect(reuse.status).toBe(401);
  expect(reuse.body.error).toBe("Refresh token reuse detected: the whole family was revoked.");
  const successor = await refreshOverHttp(playwright, rotated.body.refresh_token ?? "");
  expect(successor.status).toBe(401);
  expect(successor.body.error).toBe(
    "The refresh family was revoked (a rotated refresh token was used again (possible theft)).",
  );

  // The browser's own access token has expired by now and its refresh token belongs to that family.
  const lab = new LabPage(page);
  await lab.goto();
  await lab.header.expectSignedOut();
});
