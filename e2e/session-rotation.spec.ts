import { expect, test } from "./fixtures";
import { cookieHeader, SESSION_COOKIE, STRATEGY_COOKIE, sessionCookie } from "./support/cookies";

test.skip(({ strategy }) => strategy !== "database", "session ids are rows only in database mode");

test("signing in again issues a new session id and kills the old one", async ({
  page,
  request,
  signInPage,
  freshUser,
}) => {
  await signInPage.signInAs(freshUser);
  const first = (await sessionCookie(page.context())).value;

  await signInPage.signInAs(freshUser);
  const second = (await sessionCookie(page.context())).value;
  expect(second).not.toBe(first);

  const asCopy = (token: string) => ({
    headers: { cookie: cookieHeader({ [STRATEGY_COOKIE]: "database", [SESSION_COOKIE]: token }) },
  });
  expect((await request.get("/api/whoami", asCopy(first))).status()).toBe(401);
  expect((await request.get("/api/whoami", asCopy(second))).status()).toBe(200);
});
