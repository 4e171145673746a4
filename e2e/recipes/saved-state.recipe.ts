import { expect, test } from "../fixtures";
import { Header } from "../pages/header";
import { signInThroughApi } from "../support/api-sign-in";

/**
 * Recipe: what revocation does to a saved `storageState`. A saved state is a copy of the cookies,
 * exactly what a thief holds. After the user signs out, a database-mode copy is dead (its row is
 * gone); a plain JWT copy still works until it expires, because the server keeps nothing to delete.
 * Suites that share saved states must not revoke them, or must make a fresh one as here.
 */
const cases = [
  { strategy: "database", afterRevocation: "signed out" },
  { strategy: "jwt", afterRevocation: "still signed in" },
] as const;

for (const { strategy, afterRevocation } of cases) {
  test(`${strategy}: a saved state is ${afterRevocation} after its user signs out`, async ({
    openDevice,
    browser,
    baseURL,
    freshUser,
  }, testInfo) => {
    const device = await openDevice(strategy);
    await signInThroughApi(device.request, freshUser);
    const saved = testInfo.outputPath("saved-state.json");
    await device.context().storageState({ path: saved });

    await device.goto("/");
    await new Header(device).signOut();

    const replay = await browser.newContext({ baseURL, storageState: saved });
    try {
      const page = await replay.newPage();
      await page.goto("/");
      const whoami = await page.request.get("/api/whoami");
      if (afterRevocation === "signed out") {
        await new Header(page).expectSignedOut();
        expect(whoami.status()).toBe(401);
      } else {
        await new Header(page).expectSignedInAs(freshUser.email);
        expect(whoami.status()).toBe(200);
      }
    } finally {
      await replay.close();
    }
  });
}
