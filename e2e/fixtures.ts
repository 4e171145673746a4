import { type BrowserContext, test as base, type Page } from "@playwright/test";
import type Database from "better-sqlite3";
import { Header } from "./pages/header";
import { InstructorPage } from "./pages/instructor-page";
import { LabPage } from "./pages/lab-page";
import { MailboxPage } from "./pages/mailbox-page";
import { RevocationPage } from "./pages/revocation-page";
import { SignInPage } from "./pages/sign-in-page";
import { STRATEGY_COOKIE, setCookies } from "./support/cookies";
import { DEMO_PASSWORD } from "./support/env";
import { createUser, openTestDatabase, type TestUser } from "./support/users";

export type Strategy = "database" | "jwt" | "jwt-refresh";

/** Set per project in playwright.config.ts: the strategy every browser context starts with. */
export interface StrategyOptions {
  strategy: Strategy;
}

interface Fixtures {
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
  testDatabase: Database.Database;
}

async function chooseStrategy(context: BrowserContext, strategy: Strategy): Promise<void> {
  await setCookies(context, { [STRATEGY_COOKIE]: strategy });
}

export const test = base.extend<StrategyOptions & Fixtures, WorkerFixtures>({
  strategy: ["database", { option: true }],

  context: async ({ context, strategy }, use) => {
    await chooseStrategy(context, strategy);
    await use(context);
  },

  openDevice: async ({ browser, baseURL, strategy }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (deviceStrategy = strategy) => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      await chooseStrategy(context, deviceStrategy);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },

  secondDevice: async ({ openDevice }, use) => {
    await use(await openDevice());
  },

  instructor: async ({ openDevice, testDatabase }, use) => {
    const admin = createUser(testDatabase, DEMO_PASSWORD, { role: "admin" });
    const consolePage = new InstructorPage(await openDevice("database"), admin);
    await consolePage.signIn();
    await use(consolePage);
  },

  testDatabase: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const db = openTestDatabase();
      await use(db);
      db.close();
    },
    { scope: "worker" },
  ],

  freshUser: async ({ testDatabase }, use) => {
    await use(createUser(testDatabase, DEMO_PASSWORD));
  },

  header: async ({ page }, use) => use(new Header(page)),
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  labPage: async ({ page }, use) => use(new LabPage(page)),
  revocationPage: async ({ page }, use) => use(new RevocationPage(page)),
  mailboxPage: async ({ page }, use) => use(new MailboxPage(page)),
});

export { expect } from "@playwright/test";
