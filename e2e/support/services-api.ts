import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect } from "@playwright/test";
import { DEMO_PASSWORD } from "./env";
import { SVC_APP_URL, SVC_SERVICE_URL } from "./services-env";

/**
 * The services tests talk to the app the way the CLI does: JSON over HTTP, bearer tokens, no
 * cookies. Users are created through the app's admin API (signed in as the seeded instructor),
 * so nothing here writes into a particular database engine.
 */
export type Mode = "database" | "jwt" | "jwt-refresh";
export interface Tokens {
  access_token: string;
  refresh_token?: string;
}

export async function signIn(request: APIRequestContext, email: string, password: string, mode: Mode) {
  const res = await request.post(`${SVC_APP_URL}/api/token`, {
    data: { grant_type: "password", username: email, password, mode },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as Tokens;
}

/** A brand-new account (so no other test shares its sessions), made by the instructor over the API. */
export async function newUser(request: APIRequestContext): Promise<{ email: string; password: string }> {
  const admin = await signIn(request, "instructor@example.com", DEMO_PASSWORD, "database");
  const email = `svc-${randomBytes(6).toString("hex")}@example.com`;
  const res = await request.post(`${SVC_APP_URL}/api/admin/users`, {
    headers: { authorization: `Bearer ${admin.access_token}` },
    data: { email, password: DEMO_PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(201);
  return { email, password: DEMO_PASSWORD };
}

/** A signed access token (JWS) for the session behind `bearer`. */
export async function accessToken(request: APIRequestContext, bearer: string, app = SVC_APP_URL) {
  const res = await request.post(`${app}/api/token/access`, {
    headers: { authorization: `Bearer ${bearer}` },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { access_token: string; kid: string; expires_in: number };
}

export interface OrdersReply {
  status: number;
  body: {
    orders?: unknown[];
    error?: string;
    reason?: string;
    verification?: { method: "jwks" | "introspection"; contacted: string[]; ms: number };
  };
}

export async function callOrders(request: APIRequestContext, token: string, service = SVC_SERVICE_URL) {
  const res = await request.get(`${service}/orders`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status(), body: (await res.json()) as OrdersReply["body"] } satisfies OrdersReply;
}

/** How many times the service has fetched the app's JWKS so far (its /health says). */
export async function jwksFetches(request: APIRequestContext, service = SVC_SERVICE_URL): Promise<number> {
  const res = await request.get(`${service}/health`);
  return ((await res.json()) as { jwks: { fetches: number } }).jwks.fetches;
}

export async function publishedKids(request: APIRequestContext): Promise<string[]> {
  const res = await request.get(`${SVC_APP_URL}/.well-known/jwks.json`);
  return ((await res.json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
}
