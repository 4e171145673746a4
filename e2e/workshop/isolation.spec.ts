import { createHash } from "node:crypto";
import { statusOf } from "../pages/action-button";
import { SESSION_COOKIE } from "../support/cookies";
import { captureAction, expect, replayAction, tag, test } from "./fixtures";

/**
 * Participants cannot hurt each other: B forges A's ids into B's own forms, and replays the
 * instructor's server-action requests with B's cookies. Every attempt is refused by the server,
 * and A's things are untouched.
 */
const INSTRUCTOR_ONLY = "Instructor only";

// captureAction stops the instructor's request before it leaves: the browser reports that fetch as failed.
// One pattern: test.use reads a two-element array as [value, options].
test.use({ allowedConsoleErrors: [/net::ERR_FAILED|TypeError: Failed to fetch/] });

test("participant B cannot pull the instructor's levers", async ({ instructor, join }) => {
  const b = await join(`Bob ${tag()}`);
  const console = instructor.page;
  const levers = [
    () => console.getByRole("button", { name: "Move the auth clock +1 hour" }).click(),
    () => console.getByRole("button", { name: "Hard rotation" }).click(),
  ];
  const captured = [];
  for (const pull of levers) {
    captured.push(await captureAction(console, pull));
    await console.reload();
  }
  await console.goto("/revocation"); // the deny-list switch (the instructor is in JWT mode)
  captured.push(
    await captureAction(console, () =>
      console.getByRole("button", { name: "Check the deny-list on every request" }).click(),
    ),
  );
  for (const request of captured) expect(await replayAction(b.context, request)).toContain(INSTRUCTOR_ONLY);

  await console.goto("/instructor");
  await expect(console.getByText("real time", { exact: true })).toBeVisible();
  await expect(console.locator("#keys-title").locator("..").getByText("active")).toHaveCount(1);
  await expect(console.getByRole("button", { name: "Check the deny-list on every request" })).toHaveCount(0);
  await console.goto("/revocation");
  await expect(console.getByRole("button", { name: "Check the deny-list on every request" })).toBeVisible();
});

test("participant B cannot replay, discard, revoke or deny-list participant A's things", async ({
  instructor,
  join,
  pairDevice,
}) => {
  const a = await join(`Ada ${tag()}`, "database");
  const aPhone = await pairDevice(a, "jwt");
  const b = await join(`Bob ${tag()}`, "database");

  // A keeps a stolen copy of their own cookie; B reads nothing of it, but guesses (knows) its id.
  await a.page.goto("/revocation");
  await a.page.getByRole("button", { name: "Keep a stolen copy of my cookie" }).click();
  const aCopyId = await a.page.locator('input[name="copyId"]').first().inputValue();

  await b.page.goto("/revocation");
  await b.page.getByRole("button", { name: "Keep a stolen copy of my cookie" }).click();
  for (const name of ["Replay stolen copy", "Discard this stolen copy"]) {
    const button = b.page.getByRole("button", { name }).first();
    const field = button.locator("xpath=ancestor::form[1]").locator('input[name="copyId"]');
    await field.evaluate((el, id) => {
      (el as HTMLInputElement).value = id;
    }, aCopyId);
    await button.click();
    await expect(statusOf(button)).toHaveText("That copy is gone.");
  }
  await a.page.reload();
  await expect(a.page.locator(`input[name="copyId"][value="${aCopyId}"]`).first()).toBeAttached();
  await expect(a.page.getByRole("table", { name: "Replays of this copy, newest first" })).toHaveCount(0);

  // A's database session, by its hash (what the server stores), in B's own "Revoke" form.
  const aCookie = (await a.context.cookies()).find((c) => c.name === SESSION_COOKIE)?.value ?? "";
  const aHash = createHash("sha256").update(aCookie).digest("base64url");
  const revoke = b.page.getByRole("button", { name: /^Revoke session/ }).first();
  await revoke
    .locator("xpath=ancestor::form[1]")
    .locator('input[name="hash"]')
    .evaluate((el, h) => {
      (el as HTMLInputElement).value = h;
    }, aHash);
  await revoke.click();
  await expect(statusOf(revoke)).toHaveText("That session was already gone.");

  // A's JWT (phone), by its sid: the instructor's "Deny-list" request, replayed by B.
  await instructor.page.reload();
  const deny = instructor.page.getByRole("button", { name: new RegExp(`^Deny-list token .* of ${a.name}$`) });
  const request = await captureAction(instructor.page, () => deny.click());
  expect(await replayAction(b.context, request)).toContain(INSTRUCTOR_ONLY);

  for (const page of [a.page, aPhone]) {
    await page.goto("/");
    await expect(page.getByRole("banner")).toContainText(`Signed in as ${a.name}`);
  }
  await instructor.page.reload();
  await expect(
    instructor.page.getByRole("button", { name: deny.toString() ? /^Deny-list token/ : "" }).first(),
  ).toBeVisible();
});
