import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import type { Strategy } from "../fixtures";
import { cookieHeader, SESSION_COOKIE, STRATEGY_COOKIE } from "./cookies";
import { BASE_URL } from "./env";

export interface WhoAmI {
  authenticated: boolean;
  user?: { email: string };
  reason?: string;
}

/** GET /api/whoami sending nothing but one session token: how a script holding a copy would use it. */
export async function whoamiWith(
  request: APIRequestContext,
  strategy: Strategy,
  token: string,
): Promise<{ status: number; body: WhoAmI }> {
  const res = await request.get("/api/whoami", {
    headers: { cookie: cookieHeader({ [STRATEGY_COOKIE]: strategy, [SESSION_COOKIE]: token }) },
  });
  return { status: res.status(), body: (await res.json()) as WhoAmI };
}

export interface RefreshAnswer {
  status: number;
  body: { access_token?: string; refresh_token?: string; token_type?: string; error?: string };
}

/**
 * POST /api/token/refresh with `{ refresh_token }` as JSON, from a client with no cookies at all.
 * Each call gets a fresh API context: the answer sets a refresh cookie, and the endpoint prefers
 * that cookie to the JSON body, so a shared cookie jar would quietly change what is sent.
 */
export async function refreshOverHttp(
  playwright: PlaywrightWorkerArgs["playwright"],
  refreshToken: string,
): Promise<RefreshAnswer> {
  const client = await playwright.request.newContext({ baseURL: BASE_URL });
  try {
    const res = await client.post("/api/token/refresh", { data: { refresh_token: refreshToken } });
    return { status: res.status(), body: (await res.json()) as RefreshAnswer["body"] };
  } finally {
    await client.dispose();
  }
}
