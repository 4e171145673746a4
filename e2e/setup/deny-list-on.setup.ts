import { test as setup } from "../fixtures";

/**
 * Runs before the strategy projects. The deny-list switch is server-wide, and a flip reaches the
 * route that checks tokens up to a second late (see global/deny-list-switch.spec.ts). Turning it on
 * once, here, means no test running in parallel flips it under another test's deny-list action.
 * Only e2e/global/ turns it off again.
 */
setup.use({ strategy: "jwt" });

setup(
  "the server checks the deny-list on every request",
  async ({ signInPage, revocationPage, accounts }) => {
    // The switch is the instructor's alone (a thief must not be able to turn the check off).
    await signInPage.signInAs(await accounts.create({ role: "admin", prefix: "setup" }));
    await revocationPage.goto();
    await revocationPage.ensureDenyListChecked();
  },
);
