import { expect, test } from "../fixtures";
import { statusOf } from "../pages/action-button";
import { InstructorPage } from "../pages/instructor-page";
import { LabPage } from "../pages/lab-page";
import { afterRevocation } from "../pages/revocation-page";
import { SignInPage } from "../pages/sign-in-page";

// Key rotation changes the keyring of the whole server. The victim (this test's page) holds a JWT
// and a stolen copy of it; the instructor and a database-session user have browsers of their own.
test.use({ strategy: "jwt" });

test.describe("a JWT user holding a stolen copy of their cookie", () => {
  test.beforeEach(async ({ signInPage, revocationPage, freshUser }) => {
    await signInPage.signInAs(freshUser);
    await revocationPage.goto();
    await revocationPage.keepStolenCopy();
  });

  test("rotate with grace: old tokens keep working, newly issued ones use the new key", async ({
    labPage,
    revocationPage,
    signInPage,
    instructor,
    freshUser,
  }) => {
    await labPage.goto();
    const oldKey = await labPage.tokenKeyId();

    const newKey = await instructor.rotate(instructor.rotateWithGraceButton);
    expect(newKey).not.toBe(oldKey);

    await labPage.goto(); // still decrypted with the old key, which is in grace
    await labPage.header.expectSignedInAs(freshUser.email);
    // A token issued now (a new sign-in; or a re-issue once the update age has passed) uses the new key.
    await signInPage.signInAs(freshUser);
    await expect(labPage.tokenKey).toContainText(`Made with key ${newKey} `);

    await revocationPage.goto();
    const replay = await revocationPage.replayStolenCopy();
    await expect(replay.outcome).toHaveText("accepted");
    await expect(replay.why).toContainText(`Accepted as ${freshUser.email}.`);
  });

  test("hard rotation ends every JWT session at once; database sessions carry on", async ({
    labPage,
    revocationPage,
    openDevice,
    instructor,
    freshUser,
  }) => {
    const databaseUser = new LabPage(await openDevice("database"));
    await new SignInPage(databaseUser.page).signInAs(freshUser);

    await instructor.rotate(instructor.hardRotationButton);

    await labPage.goto();
    await expect(labPage.summary).toContainText("Not signed in");
    await labPage.header.expectSignedOut();

    await revocationPage.goto();
    const replay = await revocationPage.replayStolenCopy();
    await expect(replay.outcome).toHaveText("rejected");
    await expect(replay.why).toContainText("No key on this server can decrypt the token");
    await expect(replay.after).toHaveText(afterRevocation("Hard key rotation"));

    await databaseUser.goto();
    await databaseUser.header.expectSignedInAs(freshUser.email);
  });
});

test("only an admin can rotate: a non-admin sees “Instructor only”, and a stale console refuses them", async ({
  page,
  signInPage,
  labPage,
  instructor,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  await page.goto("/instructor");
  const asUser = new InstructorPage(page, freshUser);
  await expect(asUser.instructorOnly).toBeVisible();
  await expect(page.getByRole("button", { name: /rotat/i })).toHaveCount(0);

  // The console is open in the instructor's browser; another tab there signs in as a regular user.
  await instructor.open();
  const otherTab = await instructor.page.context().newPage();
  await new SignInPage(otherTab).signInAs(freshUser);

  await instructor.hardRotationButton.click();
  await expect(statusOf(instructor.hardRotationButton)).toHaveText(
    "Instructor only: sign in with an instructor account.",
  );
  // Nothing was rotated: the user's JWT still decrypts.
  await labPage.goto();
  await labPage.header.expectSignedInAs(freshUser.email);
});
