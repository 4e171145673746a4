import { test as base, expect } from "./fixtures";
import { statusOf } from "./pages/action-button";
import { LabPage } from "./pages/lab-page";
import { RevocationPage } from "./pages/revocation-page";
import { SignInPage } from "./pages/sign-in-page";
import type { TestUser } from "./support/users";

/**
 * The console lists only the first 100 users by email, and the suite makes a new user for nearly
 * every test (about 80 a run, and growing): the user under test gets an address that sorts first.
 */
const test = base.extend<{ target: TestUser }>({
  target: async ({ accounts }, use) => {
    await use(await accounts.create({ prefix: "0-ended" }));
  },
});

// Four browsers and the instructor console, which redraws everyone's sessions after each lever:
// the slowest flows of the suite on a loaded 2-core machine.
test.slow();

// Each test mixes devices of both kinds itself, so it runs once, in the database project.
test.skip(({ strategy }) => strategy !== "database", "mixes a database device with JWT devices; runs once");

test("End everything: the database session ends, and so does a JWT where the deny-list is checked", async ({
  page,
  openDevice,
  instructor,
  target,
}) => {
  const databaseDevice = new LabPage(page);
  await new SignInPage(page).signInAs(target);
  const jwtDevice = new RevocationPage(await openDevice("jwt"));
  await new SignInPage(jwtDevice.page).signInAs(target);
  await jwtDevice.goto();
  await jwtDevice.ensureDenyListChecked();

  await instructor.open();
  const endEverything = instructor.endEverythingButton(target.email);
  await endEverything.click();
  const answer = statusOf(endEverything);
  await expect(answer).toContainText(`${target.email}: 1 database session deleted`);
  await expect(answer).toContainText("all tokens deny-listed (refused where the deny-list is checked)");
  await expect(answer).toContainText(
    "A plain JWT checked without the deny-list still works until it expires: nothing on the server can stop it.",
  );

  await databaseDevice.goto();
  await databaseDevice.header.expectSignedOut();
  await jwtDevice.goto();
  await jwtDevice.header.expectSignedOut();
});

test("Deny-list one token: that device is signed out, the user's other JWT device is not", async ({
  openDevice,
  instructor,
  target,
}) => {
  const [phone, laptop] = [
    new RevocationPage(await openDevice("jwt")),
    new RevocationPage(await openDevice("jwt")),
  ];
  for (const device of [phone, laptop]) {
    await new SignInPage(device.page).signInAs(target);
    await device.goto();
    await device.ensureDenyListChecked();
  }
  const phoneToken = phone.denyListCard.getByRole("listitem").filter({ hasText: "this device" });
  const sid = ((await phoneToken.getByText(/^sid /).textContent()) ?? "").replace(/^sid /, "");
  expect(sid).not.toBe("");

  await instructor.open();
  const denyList = instructor.denyListTokenButton(sid, target.email);
  await denyList.click();
  await expect(instructor.tokenEntry(sid)).toContainText("deny-listed");
  await expect(denyList).toHaveCount(0);

  await phone.goto();
  await phone.header.expectSignedOut();
  await laptop.goto();
  await laptop.header.expectSignedInAs(target.email);
});
