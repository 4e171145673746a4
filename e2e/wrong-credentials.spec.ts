import { expect, test } from "./fixtures";

const WRONG_CREDENTIALS = /Wrong email or password/;

test("a wrong password and an unknown email get the same message", async ({
  page,
  signInPage,
  freshUser,
}) => {
  await signInPage.goto();
  await signInPage.signInWithPassword(freshUser.email, "not-the-password");
  await expect(signInPage.status).toHaveText(WRONG_CREDENTIALS);
  const wrongPasswordMessage = await signInPage.status.textContent();

  await signInPage.signInWithPassword(`nobody-${Date.now()}@example.com`, freshUser.password);
  // Same words for both: the form must not reveal which accounts exist.
  await expect(signInPage.status).toHaveText(wrongPasswordMessage ?? "");

  await expect(page).toHaveURL(/\/signin/);
  await signInPage.header.expectSignedOut();
  expect((await page.request.get("/api/whoami")).status()).toBe(401);
});
