import { expect, test } from "./fixtures";
import { afterRevocation, RevocationPage } from "./pages/revocation-page";
import { SignInPage } from "./pages/sign-in-page";

test.skip(({ strategy }) => strategy !== "jwt", "the deny-list lesson is about plain JWT sessions");

const SID_DENIED = "Rejected: This token's session (sid) is on the deny-list: revoked by its owner.";
const USER_DENIED = "Rejected: Every token of this user issued before the deny-list entry is refused";

test("sign out does not stop a stolen JWT: the copy is accepted until its exp", async ({
  signInPage,
  revocationPage,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  await revocationPage.goto();
  await revocationPage.keepStolenCopy();

  await revocationPage.header.signOut();
  await revocationPage.goto();
  await revocationPage.header.expectSignedOut();
  const automatic = revocationPage.newestReplay();
  await expect(automatic.outcome).toHaveText("accepted");
  await expect(automatic.after).toHaveText(afterRevocation("Sign out"));

  const manual = await revocationPage.replayStolenCopy();
  await expect(manual.outcome).toHaveText("accepted");
  await expect(manual.why).toContainText(`Accepted as ${freshUser.email}.`);
  await expect(manual.why).toContainText(
    "A JWT is valid until its exp: this copy keeps working for 8 h more unless the deny-list or a hard key rotation refuses it.",
  );
});

test("deny-listing this device's token refuses the copy on the next request and signs the device out", async ({
  page,
  signInPage,
  revocationPage,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  await revocationPage.goto();
  await revocationPage.keepStolenCopy();

  await revocationPage.denyThisTokenButton.click();
  await expect(page).toHaveURL(/\/revocation\?notice=/);
  await expect(revocationPage.notice).toContainText("This token's sid is on the deny-list");
  await expect(revocationPage.notice).toContainText(
    /The attacker replayed the stolen copy at once: rejected after \d+ ms\./,
  );
  await revocationPage.header.expectSignedOut();

  const automatic = revocationPage.newestReplay();
  await expect(automatic.outcome).toHaveText("rejected");
  await expect(automatic.after).toHaveText(afterRevocation("Deny-list this token"));
  await expect(automatic.why).toHaveText(SID_DENIED);
});

test("deny-listing all my tokens signs out every device, and every copy is refused", async ({
  signInPage,
  revocationPage,
  secondDevice,
  freshUser,
}) => {
  const [deviceA, deviceB] = [revocationPage, new RevocationPage(secondDevice)];
  const devices = [deviceA, deviceB];
  await signInPage.signInAs(freshUser);
  await new SignInPage(secondDevice).signInAs(freshUser);
  for (const device of devices) {
    await device.goto();
    await device.keepStolenCopy();
  }
  // A deny-list refuses tokens only while the (server-wide) check is on.
  await deviceA.ensureDenyListChecked();

  await deviceA.denyAllMyTokensButton.click();
  await expect(deviceA.notice).toContainText("Every token you hold, on every device, is deny-listed.");
  await expect(deviceA.notice).toContainText("rejected after");

  // The attacker's automatic replay took this browser's copy and timed the revocation.
  await deviceA.goto();
  await expect(deviceA.newestReplay().outcome).toHaveText("rejected");
  await expect(deviceA.newestReplay().after).toHaveText(afterRevocation("Deny-list all my tokens"));
  for (const device of devices) {
    await device.goto();
    await device.header.expectSignedOut();
    const replay = await device.replayStolenCopy();
    await expect(replay.outcome).toHaveText("rejected");
    await expect(replay.why).toContainText(USER_DENIED);
  }
});
