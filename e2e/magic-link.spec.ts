import { expect, test } from "./fixtures";

test("a magic link signs in once; opening it again is refused politely", async ({
  page,
  signInPage,
  mailboxPage,
  header,
  freshUser,
}) => {
  await signInPage.goto();
  await signInPage.requestMagicLink(freshUser.email);

  await mailboxPage.goto(freshUser.email);
  const link = mailboxPage.linkFor(freshUser.email);
  await expect(link).toHaveCount(1);
  const url = new URL((await link.getAttribute("href")) ?? "", page.url());
  // The link must lead back to the site the user is on, not to the server's own idea of its host.
  expect(url.origin, "magic link origin").toBe(new URL(page.url()).origin);

  await link.click();
  await expect(page).toHaveURL(new URL("/", url).href);
  await header.expectSignedInAs(freshUser.email);

  // Replay: the verification token was consumed on first use.
  const replay = await page.goto(url.href);
  expect(replay?.status()).toBeLessThan(500);
  await expect(page).toHaveURL(/\/signin\?.*error=Verification/);
  await expect(signInPage.alert).toContainText("no longer valid");
});
