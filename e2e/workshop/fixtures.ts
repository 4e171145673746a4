import { randomBytes } from "node:crypto";
import {
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type Page,
  type Request,
} from "@playwright/test";
import type { Strategy } from "../fixtures";
import { Header } from "../pages/header";
import { INSTRUCTOR_SECRET, WORKSHOP_BASE_URL } from "./env";

/**
 * Fixtures for the workshop project: people in the room, each in a browser context of their own
 * (a laptop), all against the workshop-mode server. Names carry a random tag so runs never mix.
 */
export interface Person {
  name: string;
  page: Page;
  context: BrowserContext;
  header: Header;
}

interface RoomFixtures {
  /** Opens a fresh browser (context) in `strategy` mode, signed in as nobody. */
  openBrowser: (strategy?: Strategy) => Promise<Page>;
  /** A new participant who joined at /join and landed signed in. */
  join: (name: string, strategy?: Strategy) => Promise<Person>;
  /** The instructor, signed in on /instructor with the secret, looking at the live console. */
  instructor: Person;
}

export const tag = () => randomBytes(3).toString("hex");

async function newBrowser(browser: Browser, strategy: Strategy, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: WORKSHOP_BASE_URL });
  contexts.push(context);
  await context.addCookies([{ name: "auth-strategy", value: strategy, url: WORKSHOP_BASE_URL }]);
  return context.newPage();
}

export async function signInAsInstructor(page: Page, secret = INSTRUCTOR_SECRET): Promise<void> {
  await page.goto("/instructor");
  await page.getByLabel("Secret", { exact: true }).fill(secret);
  await page.getByRole("button", { name: "Sign in as the instructor" }).click();
}

export const test = base.extend<RoomFixtures>({
  openBrowser: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use((strategy = "database") => newBrowser(browser, strategy, contexts));
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

/** Sends a captured server-action request from another browser (its own cookies), with `fields` changed. */
export async function replayAction(
  from: BrowserContext,
  request: Request,
  fields: Record<string, string> = {},
): Promise<string> {
  const headers = { ...request.headers() };
  delete headers.cookie;
  delete headers["content-length"];
  delete headers["content-type"];
  // React sends a form's fields as "1_<name>" (argument 1 of the action): change them by name.
  const form: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(await multipartToQuery(request))) form[k] = v;
  for (const [name, value] of Object.entries(fields))
    for (const k of Object.keys(form)) if (k === name || k.endsWith(`_${name}`)) form[k] = value;
  const res = await from.request.post(request.url(), { headers, multipart: form });
  return res.text();
}

/** The captured multipart body's text fields, as a query string (the action forms send only text). */
async function multipartToQuery(request: Request): Promise<string> {
  const type = request.headers()["content-type"] ?? "";
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  const body = request.postData() ?? "";
  if (!boundary) return body;
  const out = new URLSearchParams();
  for (const part of body.split(`--${boundary}`)) {
    const name = /name="([^"]+)"/.exec(part)?.[1];
    if (!name) continue;
    out.set(name, part.slice(part.indexOf("\r\n\r\n") + 4).replace(/\r\n$/, ""));
  }
  return out.toString();
}

export { expect };
