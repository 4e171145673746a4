import { writeFileSync } from "node:fs";
import { expect, test as setup } from "../fixtures";
import { Header } from "../pages/header";
import { signInThroughApi } from "../support/api-sign-in";
import { ROLES, STATE_STRATEGIES, statePath, whoPath } from "./states";

/**
 * Recipe: sign in once per role × strategy, through the API (no UI, no SQL), and save the browser
 * state for every test that needs that kind of user. Accounts come from the app's admin API
 * (e2e/support/users.ts), so this works on SQLite, PostgreSQL or a deployed URL alike.
 */
for (const role of ROLES) {
  for (const strategy of STATE_STRATEGIES) {
    setup(`a signed-in ${role} in ${strategy} mode`, async ({ openDevice, accounts }) => {
      const user = await accounts.create({ role, prefix: `recipe-${role}` });
      const page = await openDevice(strategy);
      await signInThroughApi(page.request, user);
      await page.goto("/");
      await new Header(page).expectSignedInAs(user.email);
      await page.context().storageState({ path: statePath(role, strategy) });
      writeFileSync(whoPath(role, strategy), JSON.stringify({ email: user.email }));
      expect((await page.request.get("/api/whoami")).status()).toBe(200);
    });
  }
}
