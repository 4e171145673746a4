import { randomBytes } from "node:crypto";
import { type APIRequestContext, type Browser, expect, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "../support/env";
import { CLUSTER_DB_URL, CLUSTER_FRONT_URL, CLUSTER_INSTANCES } from "./env";

/**
 * What the cluster specs share: talking to one instance directly over the API (bearer tokens, as
 * the CLI does), and an instructor's browser pinned to one instance through the front proxy.
 * Users are created through the app's admin API, never with SQL.
 */
export type Mode = "database" | "jwt" | "jwt-refresh";
export const [A, B] = CLUSTER_INSTANCES as [(typeof CLUSTER_INSTANCES)[0], (typeof CLUSTER_INSTANCES)[0]];
export const INSTRUCTOR = "instructor@example.com";

let reachable: Promise<boolean> | null = null;
/** Is the cluster's PostgreSQL there? (serve.ts starts only a placeholder without it.) */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const admin = new URL(CLUSTER_DB_URL);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}
export const SKIP_MESSAGE = `PostgreSQL is not reachable at ${new URL(CLUSTER_DB_URL).host}: start it (pg_ctlcluster $(ls /etc/postgresql) main start) or set E2E_CLUSTER_DATABASE_URL to run the cluster tests.`;

export async function signIn(request: APIRequestContext, app: string, email: string, mode: Mode) {
  const res = await request.post(`${app}/api/token`, {
    data: { grant_type: "password", username: email, password: DEMO_PASSWORD, mode },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { access_token: string; refresh_token?: string };
}

/** A brand-new account, made by the instructor over the admin API of instance `app`. */
export async function newUser(request: APIRequestContext, app = A.url): Promise<string> {
  const admin = await signIn(request, app, INSTRUCTOR, "database");
  const email = `cluster-${randomBytes(6).toString("hex")}@example.com`;
  const res = await request.post(`${app}/api/admin/users`, {
    headers: { authorization: `Bearer ${admin.access_token}` },
    data: { email, password: DEMO_PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(201);
  return email;
}

export interface Whoami {
  status: number;
  instance: string | null;
  authenticated: boolean;
  reason?: string;
  steps: { id: string; store: string | null }[];
  serverTiming: string;
}

export async function whoami(request: APIRequestContext, app: string, token: string): Promise<Whoami> {
  const res = await request.get(`${app}/api/whoami`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as Omit<Whoami, "status" | "serverTiming">;
  return { ...body, status: res.status(), serverTiming: res.headers()["server-timing"] ?? "" };
}

/** An instructor's browser, in `mode`, every request pinned to instance `pin` by the front proxy. */
export async function instructorOn(browser: Browser, pin: string, mode: Mode): Promise<Page> {
  const context = await browser.newContext({ baseURL: CLUSTER_FRONT_URL });
  const host = new URL(CLUSTER_FRONT_URL).hostname;
  await context.addCookies([
    { name: "auth-strategy", value: mode, domain: host, path: "/" },
    { name: "session-lab.instance", value: pin, domain: host, path: "/" },
  ]);
  const page = await context.newPage();
  await page.goto("/signin");
  const form = page
    .getByRole("main")
    .locator("form")
    .filter({ has: page.getByRole("heading", { name: "Email and password" }) });
  await form.getByLabel("Email").fill(INSTRUCTOR);
  await form.getByLabel("Password").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Sign in with password" }).click();
  await expect(page).toHaveURL(`${CLUSTER_FRONT_URL}/`);
  await expect(page.getByRole("contentinfo")).toContainText(`Served by instance ${pin}`);
  return page;
}
