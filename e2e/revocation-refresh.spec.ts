import { expect, test } from "./fixtures";
import { afterRevocation } from "./pages/revocation-page";
import { refreshOverHttp, whoamiWith } from "./support/api";
import { findCookie, REFRESH_COOKIE } from "./support/cookies";

// Runs in the "jwt-refresh" project only (playwright.config.ts). What needs the clock to move,
// the access token expiring, is in global/refresh-expiry.spec.ts.

test("signing in adds an HttpOnly refresh token; the panel counts down the 60 s access token", async ({
  page,
  signInPage,
  revocationPage,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  const refresh = await findCookie(page.context(), REFRESH_COOKIE);
  expect(refresh?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(refresh?.httpOnly).toBe(true);

  await revocationPage.goto();
  await expect(revocationPage.accessTokenTimer).toHaveText(/^\d+ s$/);
  const secondsLeft = Number.parseInt((await revocationPage.accessTokenTimer.textContent()) ?? "", 10);
  expect(secondsLeft).toBeGreaterThan(0);
  expect(secondsLeft).toBeLessThanOrEqual(60);
  const family = revocationPage.refreshFamilies.filter({ hasText: "this device" });
  await expect(family).toHaveCount(1);
  await expect(family).toContainText("active");
  await expect(revocationPage.lifetime("Access token")).toHaveText(
    "1 min then renewed with the refresh token",
  );
});

test("revoking the refresh family does not stop the stolen access token before it expires", async ({
  signInPage,
  revocationPage,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  await revocationPage.goto();
  await revocationPage.keepStolenCopy();
  await expect(revocationPage.copies.first()).toContainText("with refresh token");

  await revocationPage.revokeFamilyButton.click();
  await expect(revocationPage.notice).toContainText("Refresh family revoked: no more renewals");
  await expect(revocationPage.notice).toContainText(
    "The attacker replayed the stolen copy at once: still accepted.",
  );
  const automatic = revocationPage.newestReplay();
  await expect(automatic.outcome).toHaveText("accepted");
  await expect(automatic.after).toHaveText(afterRevocation("Revoke the refresh family"));
  await expect(automatic.why).toContainText(`Accepted as ${freshUser.email}.`);

  // The owner is still signed in too, on the same access token; the family is marked revoked.
  await revocationPage.header.expectSignedInAs(freshUser.email);
  await expect(revocationPage.refreshCard).toContainText("family revoked");
  const family = revocationPage.refreshFamilies.filter({ hasText: "this device" });
  await expect(family).toContainText("revoked: revoked by its owner");
});

test("POST /api/token/refresh rotates the refresh token; a sibling inside the grace window gets the same successor", async ({
  page,
  request,
  playwright,
  signInPage,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  const original = (await findCookie(page.context(), REFRESH_COOKIE))?.value ?? "";

  const first = await refreshOverHttp(playwright, original);
  expect(first.status).toBe(200);
  expect(first.body.token_type).toBe("session-jwe");
  expect(first.body.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(first.body.refresh_token).not.toBe(original);
  const access = first.body.access_token ?? "";
  expect(access.split(".")).toHaveLength(5);
  const me = await whoamiWith(request, "jwt-refresh", access);
  expect(me.status).toBe(200);
  expect(me.body.user?.email).toBe(freshUser.email);

  // Two tabs refreshing at once present the same token: both get the one successor, nothing is revoked.
  const sibling = await refreshOverHttp(playwright, original);
  expect(sibling.status).toBe(200);
  expect(sibling.body.refresh_token).toBe(first.body.refresh_token);

  const next = await refreshOverHttp(playwright, first.body.refresh_token ?? "");
  expect(next.status).toBe(200);
  expect(next.body.refresh_token).not.toBe(first.body.refresh_token);
});

test("POST /api/token/refresh refuses a missing or unknown refresh token", async ({
  playwright,
  request,
}) => {
  const unknown = await refreshOverHttp(playwright, "x".repeat(43));
  expect(unknown.status).toBe(401);
  expect(unknown.body.error).toBe("Unknown refresh token.");

  const none = await request.post("/api/token/refresh");
  expect(none.status()).toBe(401);
  expect(((await none.json()) as { error?: string }).error).toBe("No refresh token was sent.");
});
