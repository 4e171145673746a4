import { expect, test } from "./fixtures";
import { LabPage } from "./pages/lab-page";
import { SignInPage } from "./pages/sign-in-page";

test.skip(({ strategy }) => strategy !== "database", "per-device revocation needs server-side sessions");

test.beforeEach(async ({ signInPage, secondDevice, freshUser }) => {
  await signInPage.signInAs(freshUser);
  await new SignInPage(secondDevice).signInAs(freshUser);
});

test("revoking the other device's session signs it out on its next request", async ({
  revocationPage,
  labPage,
  secondDevice,
  freshUser,
}) => {
  await revocationPage.goto();
  await expect(revocationPage.revokeButtons).toHaveCount(2);
  await expect(revocationPage.revokeOtherDeviceButtons).toHaveCount(1);

  await revocationPage.revokeOtherDeviceButtons.click();
  await expect(revocationPage.revokeOtherDeviceButtons).toHaveCount(0);
  await expect(revocationPage.revokeButtons).toHaveCount(1);

  const device = new LabPage(secondDevice);
  await device.goto();
  await expect(device.summary).toContainText("Not signed in");
  await device.header.expectSignedOut();

  await labPage.goto();
  await labPage.header.expectSignedInAs(freshUser.email);
});

test("sign out all other devices keeps this one", async ({
  revocationPage,
  labPage,
  secondDevice,
  freshUser,
}) => {
  await revocationPage.goto();
  await revocationPage.signOutOthersButton.click();
  await expect(revocationPage.statuses.filter({ hasText: "Signed out 1 other device" })).toBeVisible();

  const device = new LabPage(secondDevice);
  await device.goto();
  await device.header.expectSignedOut();

  await labPage.goto();
  await labPage.header.expectSignedInAs(freshUser.email);
});

test("sign out everywhere ends this device too", async ({ revocationPage, labPage, secondDevice }) => {
  await revocationPage.goto();
  await revocationPage.signOutEverywhereButton.click();
  await expect(revocationPage.notice).toContainText(
    "Deleted all your sessions, this one included: you are signed out everywhere.",
  );

  await labPage.goto();
  await expect(labPage.summary).toContainText("Not signed in");
  await labPage.header.expectSignedOut();

  const device = new LabPage(secondDevice);
  await device.goto();
  await device.header.expectSignedOut();
});
