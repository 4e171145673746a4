import { expect, test } from "./fixtures";
import { BENCH_COOKIE, SESSION_COOKIE } from "./support/cookies";

test.beforeEach(async ({ signInPage, freshUser }) => {
  await signInPage.signInAs(freshUser);
});

test("Browser panel: the session cookie is HttpOnly and scripts cannot see it", async ({ labPage }) => {
  await expect(labPage.cookieRow(SESSION_COOKIE)).toContainText("HttpOnly");
  await expect(labPage.documentCookie).toContainText("auth-strategy"); // the island did read document.cookie
  await expect(labPage.documentCookie).not.toContainText(SESSION_COOKIE);
});

test("Server and Token panels show where this strategy keeps the session", async ({
  strategy,
  labPage,
  freshUser,
}) => {
  if (strategy === "database") {
    await expect(labPage.serverPanel.getByRole("listitem").filter({ hasText: "this device" })).toHaveCount(1);
    await expect(labPage.tokenPanel).toContainText("256 bits");
    await expect(labPage.tokenPanel).toContainText("SHA-256");
  } else {
    await expect(labPage.serverPanel).toContainText("Nothing.");
    await expect(labPage.tokenPanel).toContainText("Protected header");
    await expect(labPage.tokenPanel).toContainText("Authentication tag");
    const claims = labPage.tokenPanel.locator("pre");
    await expect(claims).toContainText(`"email": "${freshUser.email}"`);
  }
});

test("This request panel lists the timed steps the server took", async ({ strategy, labPage }) => {
  const step = strategy === "database" ? "Look up the session row by that hash" : "Decrypt the JWT";
  const steps = labPage.traceSteps().filter({ hasText: step });
  await expect(steps.first()).toBeVisible();
  await expect(steps.first()).toContainText(/\d+(\.\d+)? (ms|µs)/);
  await expect(labPage.requestPanel).toContainText("trusted");
});

test("Browser panel: the bench cookie is described as the persistent cookie it is (issue 6, defect 7)", async ({
  labPage,
  revocationPage,
}) => {
  await revocationPage.goto();
  await revocationPage.keepStolenCopy(); // makes this browser's bench cookie, set for 30 days
  await labPage.goto();
  const bench = labPage.cookieRow(BENCH_COOKIE);
  await expect(bench).toContainText("persistent: kept 30 days after it was set");
  await expect(bench).not.toContainText("no Expires");
});
