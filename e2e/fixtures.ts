import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";
import { Header } from "./pages/header";
import { InstructorPage } from "./pages/instructor-page";
import { LabPage } from "./pages/lab-page";
import { MailboxPage } from "./pages/mailbox-page";
import { RevocationPage } from "./pages/revocation-page";
import { SignInPage } from "./pages/sign-in-page";
import { STRATEGY_COOKIE, setCookies } from "./support/cookies";
import { BASE_URL } from "./support/env";
import { Accounts, type TestUser } from "./support/users";

export type Strategy = "database" | "jwt" | "jwt-refresh";

/** Set per project in playwright.config.ts: the strategy every browser context starts with. */
export interface StrategyOptions {
  strategy: Strategy;
  /** Browser console errors this test provokes on purpose (anything else fails it). */
  allowedConsoleErrors: RegExp[];
}

interface Fixtures {
  /** Browser errors seen in any of the test's contexts; checked after the test. */
  browserErrors: string[];
  /** A brand-new user (password "demo-password"), so no other test shares its sessions or mail. */
  freshUser: TestUser;
  /** A page in a second browser context (another device) with the same strategy cookie. */
  secondDevice: Page;
  /** Opens one more browser context (another device), by default with the project's strategy. */
  openDevice: (strategy?: Strategy) => Promise<Page>;
  /** The instructor console in a browser of its own (a database session), signed in as a new admin. */
  instructor: InstructorPage;
  header: Header;
  signInPage: SignInPage;
  labPage: LabPage;
  revocationPage: RevocationPage;
  mailboxPage: MailboxPage;
}

interface WorkerFixtures {
  /** Makes accounts through the app's admin API (see e2e/support/users.ts). */
  accounts: Accounts;
}

async function chooseStrategy(context: BrowserContext, strategy: Strategy): Promise<void> {
  await setCookies(context, { [STRATEGY_COOKIE]: strategy });
}

/**
 * Every browser error fails the test (issue 6, defect 13): console errors and uncaught page errors,
 * from every context the test opens. `allowedConsoleErrors` names the few a test provokes on purpose.
 */
export function watchForBrowserErrors(context: BrowserContext, errors: string[], allowed: RegExp[]): void {
  const keep = (text: string) => {
    if (!allowed.some((re) => re.test(text))) errors.push(text);
  };
  context.on("console", (message) => {
    if (message.type() === "error")
      keep(`console error on ${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
  context.on("weberror", (error) => keep(`page error: ${error.error().message}`));
}

export const test = base.extend<StrategyOptions & Fixtures, WorkerFixtures>({
  strategy: ["database", { option: true }],
  allowedConsoleErrors: [[], { option: true }],

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  browserErrors: async ({}, use) => {
    const errors: string[] = [];
    await use(errors);
    expect(errors, "the browser reported errors").toEqual([]);
  },

  context: async ({ context, strategy, browserErrors, allowedConsoleErrors }, use) => {
    watchForBrowserErrors(context, browserErrors, allowedConsoleErrors);
    await chooseStrategy(context, strategy);
    await use(context);
  },

  openDevice: async (
    { browser, baseURL, ignoreHTTPSErrors, strategy, browserErrors, allowedConsoleErrors },
    use,
  ) => {
    const contexts: BrowserContext[] = [];
    await use(async (deviceStrategy = strategy) => {
      const context = await browser.newContext({ baseURL, ignoreHTTPSErrors });
      contexts.push(context);
      watchForBrowserErrors(context, browserErrors, allowedConsoleErrors);
      await chooseStrategy(context, deviceStrategy);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },

  secondDevice: async ({ openDevice }, use) => {
    await use(await openDevice());
  },

  instructor: async ({ openDevice, accounts }, use) => {
    const admin = await accounts.create({ role: "admin" });
    const consolePage = new InstructorPage(await openDevice("database"), admin);
    await consolePage.signIn();
    await use(consolePage);
  },

  accounts: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use, workerInfo) => {
      const baseURL = (workerInfo.project.use.baseURL as string | undefined) ?? BASE_URL;
      const accounts = await Accounts.open(baseURL);
      await use(accounts);
      await accounts.close();
    },
    { scope: "worker" },
  ],

  freshUser: async ({ accounts }, use) => {
    await use(await accounts.create());
  },

  header: async ({ page }, use) => use(new Header(page)),
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  labPage: async ({ page }, use) => use(new LabPage(page)),
  revocationPage: async ({ page }, use) => use(new RevocationPage(page)),
  mailboxPage: async ({ page }, use) => use(new MailboxPage(page)),
});

export { expect } from "@playwright/test";
