import { randomBytes } from "node:crypto";
import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import { DEMO_PASSWORD } from "./env";

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

export interface NewUserOptions {
  /** "admin" opens the instructor console. */
  role?: "user" | "admin";
  /** The start of the address (default "e2e"); a random tag keeps it unique. */
  prefix?: string;
}

/** The seeded instructor (lib/demo-accounts.ts) signs the suite's accounts into existence. */
const SEEDED_ADMIN = "instructor@example.com";

/**
 * Test users come from the app's own admin API (POST /api/admin/users, as the seeded instructor
 * with a bearer token from POST /api/token), never from SQL: the suite runs unchanged against
 * SQLite, PostgreSQL or a deployed URL. Each test gets someone no parallel test touches (no shared
 * sessions, no shared mail).
 */
export class Accounts {
  private bearer: Promise<string> | null = null;

  constructor(
    private readonly api: APIRequestContext,
    private readonly baseURL: string,
  ) {}

  static async open(baseURL: string): Promise<Accounts> {
    // The https project's certificate is made at start: nothing to verify it against. A connection
    // per call: this context lives as long as the worker, and a kept-alive socket reused just as
    // `next start` closes it for idleness (after 5 s) fails the POST with ECONNRESET.
    const api = await playwrightRequest.newContext({
      baseURL,
      ignoreHTTPSErrors: true,
      extraHTTPHeaders: { connection: "close" },
    });
    return new Accounts(api, baseURL);
  }

  async close(): Promise<void> {
    await this.api.dispose();
  }

  private adminToken(): Promise<string> {
    this.bearer ??= (async () => {
      const res = await this.api.post(`${this.baseURL}/api/token`, {
        data: { grant_type: "password", username: SEEDED_ADMIN, password: DEMO_PASSWORD, mode: "database" },
      });
      if (res.status() !== 200)
        throw new Error(`the seeded instructor could not sign in: ${await res.text()}`);
      return ((await res.json()) as { access_token: string }).access_token;
    })();
    return this.bearer;
  }

  async create({ role = "user", prefix = "e2e" }: NewUserOptions = {}): Promise<TestUser> {
    const tag = randomBytes(6).toString("hex");
    const email = `${prefix}-${tag}@example.com`;
    const name = `E2E ${tag}`;
    const res = await this.api.post(`${this.baseURL}/api/admin/users`, {
      headers: { authorization: `Bearer ${await this.adminToken()}` },
      data: { email, name, role, password: DEMO_PASSWORD },
    });
    if (res.status() !== 201)
      throw new Error(`POST /api/admin/users answered ${res.status()}: ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    return { id, email, name, password: DEMO_PASSWORD };
  }
}
