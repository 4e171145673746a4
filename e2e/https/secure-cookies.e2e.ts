import { expect, test } from "../fixtures";
import { RevocationPage } from "../pages/revocation-page";
import { SignInPage } from "../pages/sign-in-page";
import { BASE_URL, HTTPS_BASE_URL } from "../support/env";

/**
 * Issue 6 (security headers): over HTTPS the session cookie is `__Secure-`, the CSRF cookie
 * `__Host-` (no Domain, Path=/), every cookie is Secure and HttpOnly where it should be, and HSTS
 * is sent; over plain http, HSTS is not (a browser would pin a site that cannot do TLS).
 */
for (const strategy of ["database", "jwt"] as const) {
  test(`${strategy}: cookies over HTTPS take the secure prefixes and the Secure flag`, async ({
    openDevice,
    freshUser,
  }) => {
    const page = await openDevice(strategy);
    await new SignInPage(page).signInAs(freshUser);
    // The lab's bench cookie is made when a stolen copy is kept.
    const lab = new RevocationPage(page);
    await lab.goto();
    await lab.keepStolenCopy();

    const cookies = await page.context().cookies(HTTPS_BASE_URL);
    const byName = new Map(cookies.map((c) => [c.name, c]));
    const session = byName.get("__Secure-authjs.session-token");
    expect(session, "the session cookie has the __Secure- name").toBeDefined();
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/" });
    expect(byName.has("authjs.session-token"), "no unprefixed session cookie over HTTPS").toBe(false);

    const csrf = byName.get("__Host-authjs.csrf-token");
    expect(csrf, "the CSRF cookie has the __Host- name").toBeDefined();
    expect(csrf).toMatchObject({ secure: true, httpOnly: true, path: "/", domain: "localhost" });

    const bench = byName.get("session-lab.bench");
    expect(bench, "the lab's own bench cookie").toBeDefined();
    expect(bench).toMatchObject({ secure: true, httpOnly: true });
  });
}

test("HSTS and the other security headers over HTTPS; no HSTS over plain http", async ({ request }) => {
  for (const path of ["/", "/signin", "/api/whoami"]) {
    const res = await request.get(`${HTTPS_BASE_URL}${path}`);
    const headers = res.headers();
    expect(headers["strict-transport-security"], `HSTS on ${path}`).toMatch(/max-age=\d+/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"]).toBeTruthy();
  }
  const page = await request.get(`${HTTPS_BASE_URL}/signin`);
  expect(page.headers()["content-security-policy"]).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);

  const plain = await request.get(`${BASE_URL}/signin`);
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  expect(plain.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
