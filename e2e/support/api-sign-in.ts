import type { APIRequestContext } from "@playwright/test";

export interface Credentials {
  email: string;
  password: string;
}

/**
 * Signs in with no UI at all: the same two requests the sign-in form makes to Auth.js (a CSRF
 * token, then the credentials callback). Pass a page's or a context's `request`: the cookies it
 * gets back land in that browser context's jar, so the next page load is signed in. Which session
 * mode the cookie is for follows the context's `auth-strategy` cookie, as for a person.
 */
export async function signInThroughApi(
  request: APIRequestContext,
  { email, password }: Credentials,
  { remember = false }: { remember?: boolean } = {},
): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  if (!csrf.ok()) throw new Error(`GET /api/auth/csrf answered ${csrf.status()}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/", ...(remember ? { remember: "on" } : {}) },
    maxRedirects: 0,
  });
  // Auth.js answers a form post with a redirect: to the callback URL, or to /signin?error=… .
  const location = res.headers().location ?? "";
  if (res.status() !== 302 || /[?&]error=/.test(location))
    throw new Error(`signing in ${email} failed: ${res.status()} ${location}`);
}
