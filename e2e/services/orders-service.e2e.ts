import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
import { startApp, startService, stop, waitUntilUp } from "../support/processes";
import {
  accessToken,
  callOrders,
  jwksFetches,
  newUser,
  publishedKids,
  signIn,
} from "../support/services-api";
import {
  SPARE_APP_PORT,
  SPARE_SERVICE_PORT,
  SVC_APP_ENV,
  SVC_APP_URL,
  serviceEnv,
  TIMINGS,
} from "../support/services-env";

/**
 * The orders service against real app instances: a signed access token is verified with a
 * cached public key and nothing else, a session credential is introspected on every call, and
 * a key rotation is published before it signs.
 */
test("once the keys are cached, a signed token is verified with no call to the app, even when it is down", async ({
  request,
}) => {
  test.setTimeout(120_000);
  // An app and a service of this test's own, so stopping the app disturbs no one.
  const appOrigin = `http://127.0.0.1:${SPARE_APP_PORT}`;
  const serviceUrl = `http://127.0.0.1:${SPARE_SERVICE_PORT}`;
  const app = startApp(SPARE_APP_PORT, SVC_APP_ENV);
  const service = startService(serviceEnv(appOrigin, SPARE_SERVICE_PORT, 300));
  try {
    await Promise.all([waitUntilUp(`${appOrigin}/api/auth/providers`), waitUntilUp(`${serviceUrl}/health`)]);
    const user = await newUser(request);
    const session = await signIn(request, user.email, user.password, "database");
    const jws = (await accessToken(request, session.access_token, appOrigin)).access_token;

    const first = await callOrders(request, jws, serviceUrl);
    expect(first.status).toBe(200);
    expect(first.body.verification).toMatchObject({ method: "jwks", contacted: ["app JWKS (first fetch)"] });
    for (let i = 0; i < 3; i++) {
      const again = await callOrders(request, jws, serviceUrl);
      expect(again.body.verification).toMatchObject({ method: "jwks", contacted: [] });
    }
    expect(await jwksFetches(request, serviceUrl)).toBe(1);

    await stop(app);
    await expect(fetch(`${appOrigin}/api/auth/providers`)).rejects.toThrow();
    const appDown = await callOrders(request, jws, serviceUrl);
    expect(appDown.status).toBe(200);
    expect(appDown.body.verification?.contacted).toEqual([]);
    // The session id itself means nothing without the app: introspection cannot answer.
    const introspected = await callOrders(request, session.access_token, serviceUrl);
    expect(introspected.status).toBe(503);
    expect(introspected.body).toMatchObject({ error: "app_unreachable" });
  } finally {
    await Promise.all([stop(app), stop(service)]);
  }
});

test("introspection refuses a revoked session at once; a token minted before works until its exp", async ({
  request,
}) => {
  const user = await newUser(request);
  const session = await signIn(request, user.email, user.password, "database");
  const minted = await accessToken(request, session.access_token);

  const introspected = await callOrders(request, session.access_token);
  expect(introspected.status).toBe(200);
  expect(introspected.body.verification).toMatchObject({
    method: "introspection",
    contacted: ["app /api/introspect"],
  });

  const revoked = await request.post(`${SVC_APP_URL}/api/token/revoke`, {
    form: { token: session.access_token },
  });
  expect(await revoked.json()).toMatchObject({ revoked: "session" });

  const refused = await callOrders(request, session.access_token);
  expect(refused.status).toBe(401);
  expect(refused.body.reason).toContain("not active");
  const stillValid = await callOrders(request, minted.access_token);
  expect(stillValid.status).toBe(200);
  expect(stillValid.body.verification?.method).toBe("jwks");

  // Nothing told the service; only the clock ends the token: exp, plus the service's tolerance.
  await sleep((minted.expires_in + TIMINGS.clockToleranceS + 1) * 1000);
  const expired = await callOrders(request, minted.access_token);
  expect(expired.status).toBe(401);
  expect(expired.body.reason).toContain("expired");
});

test("a rotated key is published before it signs, so the service already holds it", async ({
  request,
  browser,
}) => {
  const admin = await signIn(request, "instructor@example.com", "demo-password", "database");
  const oldKid = (await accessToken(request, admin.access_token)).kid;
  const context = await browser.newContext({ baseURL: SVC_APP_URL });
  await context.addCookies([
    { name: "auth-strategy", value: "database", url: SVC_APP_URL },
    { name: "authjs.session-token", value: admin.access_token, url: SVC_APP_URL },
  ]);
  const page = await context.newPage();
  await page.goto("/instructor");
  const card = page.getByRole("region", { name: /^Signing keys/ });
  await card.getByRole("button", { name: "Rotate signing key" }).click();
  await expect(card.getByRole("status")).toContainText(`signs in ${TIMINGS.publishLeadS} s`);
  await expect(card.getByRole("timer", { name: /starts signing in$/ })).toBeVisible();

  // Published, not signing: new tokens still carry the old kid, the JWKS already has both keys.
  expect((await accessToken(request, admin.access_token)).kid).toBe(oldKid);
  const kids = await publishedKids(request);
  const newKid = kids.find((k) => k !== oldKid);
  expect(kids).toContain(oldKid);
  expect(newKid).toBeTruthy();
  await context.close();

  let signedByNew = "";
  await expect
    .poll(
      async () => {
        const t = await accessToken(request, admin.access_token);
        if (t.kid === newKid) signedByNew = t.access_token;
        return t.kid;
      },
      { timeout: (TIMINGS.publishLeadS + 5) * 1000 },
    )
    .toBe(newKid);
  const verified = await callOrders(request, signedByNew);
  expect(verified.status).toBe(200);
  // The service met the new kid already knowing it: never an "unknown kid" fetch.
  expect(verified.body.verification?.contacted.join()).not.toContain("unknown kid");
});
