import { expect, test } from "../fixtures";
import { RevocationPage } from "../pages/revocation-page";
import { SignInPage } from "../pages/sign-in-page";

// The deny-list switch is server-wide: turning it off would let other tests' deny-listed tokens
// through, so these run alone. Both leave it on, as the setup project set it.
test.use({ strategy: "jwt" });

const SID_DENIED = "Rejected: This token's session (sid) is on the deny-list: revoked by its owner.";

test("the check applies from the very next request: the attacker's replay right after deny-listing is refused", async ({
  signInPage,
  revocationPage,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  await revocationPage.goto();
  await revocationPage.ensureDenyListChecked();
  await revocationPage.keepStolenCopy();
  await revocationPage.replayStolenCopy(); // the lab's flow: see the copy work, then pull the lever

  await revocationPage.denyThisTokenButton.click();
  await expect(revocationPage.notice).toContainText("the deny-list is checked on every request");
  await expect(revocationPage.notice).toContainText(
    /The attacker replayed the stolen copy at once: rejected after \d+ ms\./,
  );
  await expect(revocationPage.newestReplay().why).toHaveText(SID_DENIED);
});

test("the lookup is what revokes: with the check off, a deny-listed token is accepted again", async ({
  signInPage,
  revocationPage,
  freshUser,
  accounts,
  openDevice,
}) => {
  // The switch is the instructor's: a second browser, signed in as one, in JWT mode.
  const instructor = new RevocationPage(await openDevice("jwt"));
  await new SignInPage(instructor.page).signInAs(await accounts.create({ role: "admin" }));
  await instructor.goto();

  await signInPage.signInAs(freshUser);
  await revocationPage.goto();
  await revocationPage.ensureDenyListChecked();
  await expect(revocationPage.denyListCost).toContainText(/[\d.]+ (ms|µs) for the deny-list lookup/);
  await revocationPage.keepStolenCopy();
  await revocationPage.denyThisTokenButton.click();
  await expect(revocationPage.newestReplay().outcome).toHaveText("rejected");
  await expect(revocationPage.newestReplay().why).toHaveText(SID_DENIED);

  // A new sign-in is a new sid, not on the list; the copy's sid still is.
  await signInPage.signInAs(freshUser);
  await instructor.goto();
  await instructor.stopCheckingDenyList();
  try {
    await revocationPage.goto();
    await expect(revocationPage.denyListCost).toContainText("none (no lookup was made)");
    const replay = await revocationPage.replayStolenCopy();
    await expect(replay.outcome).toHaveText("accepted");
    await expect(replay.why).toContainText(`Accepted as ${freshUser.email}.`);
  } finally {
    await instructor.goto();
    await instructor.ensureDenyListChecked();
  }
});
