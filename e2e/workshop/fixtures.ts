import { randomBytes } from "node:crypto";
import {
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type Page,
  type Request,
} from "@playwright/test";
import { type Strategy, watchForBrowserErrors } from "../fixtures";
import { Header } from "../pages/header";
import { INSTRUCTOR_SECRET, WORKSHOP_BASE_URL } from "./env";

/**
 * Fixtures for the workshop project: people in the room, each in a browser context of their own
 * (a laptop), all against the workshop-mode server. Names carry a random tag so runs never mix.
 * As in e2e/fixtures.ts, any browser error in any of those contexts fails the test.
 */
export interface Person {
  name: string;
  page: Page;
  context: BrowserContext;
  header: Header;
}

interface RoomOptions {
  /** Browser console errors a test provokes on purpose (anything else fails it, as in e2e/fixtures.ts). */
  allowedConsoleErrors: RegExp[];
}

interface RoomFixtures {
  /** Browser errors seen in any context the test opened; checked after the test. */
  browserErrors: string[];
  /** Opens a fresh browser (context) in `strategy` mode, signed in as nobody. */
  openBrowser: (strategy?: Strategy) => Promise<Page>;
  /** A new participant who joined at /join and landed signed in. */
  join: (name: string, strategy?: Strategy) => Promise<Person>;
  /** The instructor, signed in on /instructor with the secret, looking at the live console. */
  instructor: Person;
  /** Signs `who` in on one more browser, in `strategy` mode, with a pairing code from their page. */
  pairDevice: (who: Person, strategy?: Strategy) => Promise<Page>;
}

export const tag = () => randomBytes(3).toString("hex");

async function newBrowser(
  browser: Browser,
  strategy: Strategy,
  contexts: BrowserContext[],
  watch: (context: BrowserContext) => void,
): Promise<Page> {
  const context = await browser.newContext({ baseURL: WORKSHOP_BASE_URL });
  contexts.push(context);
  watch(context);
  await context.addCookies([{ name: "auth-strategy", value: strategy, url: WORKSHOP_BASE_URL }]);
  return context.newPage();
}

export async function signInAsInstructor(page: Page, secret = INSTRUCTOR_SECRET): Promise<void> {
  await page.goto("/instructor");
  await page.getByLabel("Secret", { exact: true }).fill(secret);
  await page.getByRole("button", { name: "Sign in as the instructor" }).click();
}

export const test = base.extend<RoomOptions & RoomFixtures>({
  allowedConsoleErrors: [[], { option: true }],

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  browserErrors: async ({}, use) => {
    const errors: string[] = [];
    await use(errors);
    expect(errors, "the browser reported errors").toEqual([]);
  },

  openBrowser: async ({ browser, browserErrors, allowedConsoleErrors }, use) => {
    const contexts: BrowserContext[] = [];
    const watch = (context: BrowserContext) =>
      watchForBrowserErrors(context, browserErrors, allowedConsoleErrors);
    await use((strategy = "database") => newBrowser(browser, strategy, contexts, watch));
    await Promise.all(contexts.map((c) => c.close()));
  },

  join: async ({ openBrowser }, use) => {
    await use(async (name, strategy = "database") => {
      const page = await openBrowser(strategy);
      await page.goto("/join");
      await page.getByLabel("Display name").fill(name);
      await page.getByRole("button", { name: "Join", exact: true }).click();
      await expect(page).toHaveURL(`${WORKSHOP_BASE_URL}/`);
      const header = new Header(page);
      await header.expectSignedInAs(name);
      return { name, page, context: page.context(), header };
    });
  },

  pairDevice: async ({ openBrowser }, use) => {
    await use(async (who, strategy = "database") => {
      await who.page.goto("/join");
      await who.page.getByRole("button", { name: "Show a pairing code" }).click();
      const status = who.page.getByRole("status").filter({ hasText: "Your pairing code is" });
      const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec((await status.textContent()) ?? "")?.[1] ?? "";
      expect(code, "a pairing code on the participant's page").toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const page = await openBrowser(strategy);
      await page.goto("/join");
      await page.getByLabel("Pairing code").fill(code);
      await page.getByRole("button", { name: "Add this device" }).click();
      await expect(page).toHaveURL(`${WORKSHOP_BASE_URL}/`);
      await new Header(page).expectSignedInAs(who.name);
      return page;
    });
  },

  instructor: async ({ openBrowser }, use) => {
    const page = await openBrowser("jwt");
    await signInAsInstructor(page);
    await expect(page.getByRole("heading", { level: 1, name: "Instructor console: the room" })).toBeVisible();
    await use({ name: "Instructor", page, context: page.context(), header: new Header(page) });
  },
});

/**
 * Catches the next server-action request `page` sends, without letting it reach the server: what
 * an attacker who watched the instructor's browser (or read the page's JavaScript) could replay.
 */
export async function captureAction(page: Page, click: () => Promise<void>): Promise<Request> {
  let captured: Request | null = null;
  const handler = async (route: import("@playwright/test").Route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      return route.abort();
    }
    return route.continue();
  };
  await page.route("**/*", handler);
  await click();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute("**/*", handler);
  return captured as unknown as Request;
}

/** Sends a captured server-action request again, byte for byte, from another browser (with its own cookies). */
export async function replayAction(from: BrowserContext, request: Request): Promise<string> {
  const headers = { ...request.headers() };
  delete headers.cookie;
  delete headers["content-length"];
  const res = await from.request.post(request.url(), { headers, data: request.postDataBuffer() ?? "" });
  return res.text();
}

export { expect };
