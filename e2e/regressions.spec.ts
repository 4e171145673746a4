import { expect, test } from "./fixtures";
import { MailboxPage } from "./pages/mailbox-page";
import { findCookie, STRATEGY_COOKIE } from "./support/cookies";

/**
 * Defects from issue 6 that a person meets in the browser, each pinned by the behaviour a user relies
 * on (the rest are covered in tests/ and in the other specs; docs/testing-with-playwright.md lists them).
 */

test("the strategy select only changes on an explicit, keyboard-reachable confirmation (defect 15)", async ({
  page,
  strategy,
  signInPage,
  header,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  await header.strategySelect.focus();
  await page.keyboard.press("ArrowDown");
  // Moving through the list changes nothing: still signed in, same strategy cookie.
  await header.expectSignedInAs(freshUser.email);
  expect((await findCookie(page.context(), STRATEGY_COOKIE))?.value).toBe(strategy);

  // Tab to "Switch strategy", Enter; the confirmation takes focus; Enter switches.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Switch strategy" })).toBeFocused();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("group", { name: "Confirm the switch" });
  await expect(confirm).toContainText("signs you out");
  await expect(confirm.getByRole("button", { name: "Switch and sign out" })).toBeFocused();
  await page.keyboard.press("Enter");
  await header.expectSignedOut();
  expect((await findCookie(page.context(), STRATEGY_COOKIE))?.value).not.toBe(strategy);
});

test("Cancel keeps the session and the strategy (defect 15)", async ({
  page,
  strategy,
  signInPage,
  header,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  await header.strategySelect.selectOption({ index: strategy === "database" ? 1 : 0 });
  await page.getByRole("button", { name: "Switch strategy" }).click();
  await page
    .getByRole("group", { name: "Confirm the switch" })
    .getByRole("button", { name: "Cancel" })
    .click();
  await header.expectSignedInAs(freshUser.email);
  expect((await findCookie(page.context(), STRATEGY_COOKIE))?.value).toBe(strategy);
});

const FOREIGN_CALLBACKS = [
  "/.//evil.example",
  "//evil.example",
  "/%2e%2e//evil.example",
  "/\\evil.example",
  "https://evil.example/",
];

test("a callback URL that leads off the site lands on / after password sign-in (defect 3)", async ({
  page,
  signInPage,
  freshUser,
}) => {
  for (const callbackUrl of FOREIGN_CALLBACKS) {
    await page.context().clearCookies({ name: "authjs.session-token" });
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await signInPage.signInWithPassword(freshUser.email, freshUser.password);
    await expect(page, `after ${callbackUrl}`).toHaveURL("/");
    await signInPage.header.expectSignedInAs(freshUser.email);
  }
});

test("only known notice codes become the lab's banner; other text is ignored (defect 10)", async ({
  page,
}) => {
  const forged = "Your account is locked. Call +1 555 0100 to unlock it.";
  await page.goto(`/revocation?notice=${encodeURIComponent(forged)}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(forged)).toHaveCount(0);
  await expect(page.getByText("Call +1 555 0100")).toHaveCount(0);
});

test("the top level serves a favicon (defect 17)", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\//);
});

test("no magic link for an instructor, and the mailbox shows a visitor only their own mail (defect 2)", async ({
  page,
  signInPage,
  mailboxPage,
  openDevice,
  accounts,
  freshUser,
}) => {
  const admin = await accounts.create({ role: "admin" });
  await signInPage.goto();
  await signInPage.magicLinkForm.getByLabel("Email for the link").fill(admin.email);
  await signInPage.magicLinkForm.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(signInPage.status.or(signInPage.alert)).not.toContainText("Link sent");
  await mailboxPage.goto(admin.email);
  await expect(mailboxPage.linkFor(admin.email)).toHaveCount(0);

  // A link this browser asked for is in its mailbox, and in no one else's.
  await signInPage.goto();
  await signInPage.requestMagicLink(freshUser.email);
  await mailboxPage.goto(freshUser.email);
  await expect(mailboxPage.linkFor(freshUser.email)).toHaveCount(1);
  const stranger = new MailboxPage(await openDevice());
  await stranger.goto(freshUser.email);
  await expect(stranger.linkFor(freshUser.email)).toHaveCount(0);
  await expect(page.getByRole("main")).toBeVisible();
});
