import { expect, test } from "./fixtures";
import { sessionCookie } from "./support/cookies";

test("password sign-in shows who is signed in", async ({ signInPage, header, freshUser }) => {
  await signInPage.signInAs(freshUser);
  await header.expectSignedInAs(freshUser.email);
});

test("the session endpoint returns the user and no secrets", async ({ page, signInPage, freshUser }) => {
  await signInPage.signInAs(freshUser);
  const cookieBefore = await sessionCookie(page.context());

  const res = await page.request.get("/api/auth/session");
  expect(res.status()).toBe(200);
  const body = await res.text();
  const session = JSON.parse(body) as { user?: { email?: string } };
  expect(session.user?.email).toBe(freshUser.email);

  const cookieAfter = await sessionCookie(page.context()); // a JWT is re-issued on every read
  for (const secret of ["passwordHash", "sessionToken", "scrypt$", cookieBefore.value, cookieAfter.value]) {
    expect(body, `the session JSON must not contain ${secret.slice(0, 20)}`).not.toContain(secret);
  }
});
