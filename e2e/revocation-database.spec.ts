import { expect, test } from "./fixtures";
import { LabPage } from "./pages/lab-page";
import { afterRevocation, RevocationPage } from "./pages/revocation-page";
import { SignInPage } from "./pages/sign-in-page";
import { BENCH_COOKIE, findCookie } from "./support/cookies";

test.skip(({ strategy }) => strategy !== "database", "deleting a session row needs server-side sessions");

const NO_ROW = "Rejected: No session row matches this id";

test("sign out deletes the row: the stolen copy is refused at once and on every replay after", async ({
  page,
  signInPage,
  revocationPage,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  await revocationPage.goto();
  await revocationPage.keepStolenCopy();
  await expect(revocationPage.copies).toHaveCount(1);
  // The copy belongs to this browser's bench (its own HttpOnly cookie), not to the session.
  expect((await findCookie(page.context(), BENCH_COOKIE))?.httpOnly).toBe(true);

  await revocationPage.header.signOut();
  await revocationPage.goto();
  await revocationPage.header.expectSignedOut();
  // The lab's attacker replayed the copy right after the click.
  const automatic = revocationPage.newestReplay();
  await expect(automatic.outcome).toHaveText("rejected");
  await expect(automatic.after).toHaveText(afterRevocation("Sign out"));
  await expect(automatic.why).toContainText(NO_ROW);

  // So it is still here, signed out, and can be replayed again.
  const manual = await revocationPage.replayStolenCopy();
  await expect(manual.outcome).toHaveText("rejected");
  await expect(manual.why).toContainText(NO_ROW);
  await expect(revocationPage.replays()).toHaveCount(2);
});

test("revoking your own row comes back with the outcome in a banner", async ({
  signInPage,
  revocationPage,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  await revocationPage.goto();
  await revocationPage.keepStolenCopy();

  await revocationPage.revokeThisDeviceButton.click();
  await expect(revocationPage.page).toHaveURL(/\/revocation\?notice=/);
  await expect(revocationPage.notice).toContainText("This device's session was deleted");
  await expect(revocationPage.notice).toContainText(
    /The attacker replayed the stolen copy at once: rejected after \d+ ms\./,
  );
  await revocationPage.header.expectSignedOut();
  await expect(revocationPage.newestReplay().after).toHaveText(afterRevocation("Delete the session row"));
});

test("revoking another device's row signs it out, and that device's stolen copy is refused", async ({
  signInPage,
  revocationPage,
  secondDevice,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  const deviceB = new RevocationPage(secondDevice);
  await new SignInPage(secondDevice).signInAs(freshUser);
  await deviceB.goto();
  await deviceB.keepStolenCopy();

  await revocationPage.goto();
  await revocationPage.revokeOtherDeviceButtons.click();
  await expect(revocationPage.notice).toContainText("Session deleted. That device is signed out");
  await expect(revocationPage.notice).toContainText("rejected after");
  await revocationPage.header.expectSignedInAs(freshUser.email);
  await expect(revocationPage.revokeButtons).toHaveCount(1);

  // Device B's very next request is signed out…
  const labB = new LabPage(secondDevice);
  await labB.goto();
  await expect(labB.summary).toContainText("Not signed in");
  await labB.header.expectSignedOut();
  // …and the copy it kept was refused by the attacker's automatic replay and by its own.
  await deviceB.goto();
  await expect(deviceB.newestReplay().outcome).toHaveText("rejected");
  await expect(deviceB.newestReplay().after).toHaveText(afterRevocation("Delete the session row"));
  const manual = await deviceB.replayStolenCopy();
  await expect(manual.outcome).toHaveText("rejected");
  await expect(manual.why).toContainText(NO_ROW);
});

test("a discarded copy is gone from the bench", async ({ signInPage, revocationPage, freshUser }) => {
  await signInPage.signInAs(freshUser);
  await revocationPage.goto();
  await revocationPage.keepStolenCopy();
  await revocationPage.keepStolenCopy();
  await expect(revocationPage.copies).toHaveCount(2);

  await revocationPage.copies.first().getByRole("button", { name: "Discard this stolen copy" }).click();
  await expect(revocationPage.copies).toHaveCount(1);
  await revocationPage.copies.first().getByRole("button", { name: "Discard this stolen copy" }).click();
  await expect(revocationPage.copies).toHaveCount(0);
  await expect(revocationPage.stolenCard).toContainText("No copies yet.");
});
