import { expect, test } from "./fixtures";
import type { StrategyLabel } from "./pages/header";
import { findCookie, STRATEGY_COOKIE } from "./support/cookies";

test("switching strategy signs you out and the next sign-in gets the new kind of session", async ({
  page,
  strategy,
  signInPage,
  labPage,
  header,
  freshUser,
}) => {
  const next = strategy === "database" ? "jwt" : "database";
  const nextLabel: StrategyLabel = next === "jwt" ? "JWT" : "Database";
  await signInPage.signInAs(freshUser);

  await header.switchStrategy(nextLabel);
  await expect(header.status).toContainText(`Now using ${nextLabel} sessions`);
  await expect(header.status).toContainText("signed out");
  await header.expectSignedOut();
  expect((await findCookie(page.context(), STRATEGY_COOKIE))?.value).toBe(next);

  await signInPage.signInAs(freshUser);
  await expect(header.strategySelect).toHaveValue(next);
  if (next === "database") {
    await expect(labPage.tokenPanel).toContainText("opaque session id");
    await expect(labPage.tokenPanel).toContainText("256 bits");
  } else {
    await expect(labPage.tokenPanel).toContainText("A JWE");
    await expect(labPage.tokenPanel.getByRole("listitem")).toHaveCount(5);
  }
});
