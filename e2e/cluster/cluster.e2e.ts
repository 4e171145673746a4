import { expect, test } from "@playwright/test";
import { CLUSTER_FRONT_URL } from "./env";
import { A, B, instructorOn, newUser, postgresReachable, SKIP_MESSAGE, signIn, whoami } from "./support";

/**
 * Two app instances (a, b) behind the front proxy, sharing one PostgreSQL database
 * (e2e/cluster/serve.ts). What one instance decides, the other must honour at its next request;
 * what a plain JWT needs, no instance has to ask any store for. The tests change server-wide
 * state (the deny-list switch, the clock, the keys, an outage), so they run one after another.
 */
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.skip(!(await postgresReachable()), SKIP_MESSAGE);
});

/**
 * Polls `fn` every 50 ms until `ok` holds: how many requests it took and how long from the start
 * (the figures docs/cluster.md quotes). `requests: 1` means the very next request saw it.
 */
async function until<T>(
  fn: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 10_000,
): Promise<{ ms: number; requests: number }> {
  const start = performance.now();
  for (let requests = 1; performance.now() - start < timeoutMs; requests++) {
    if (ok(await fn())) return { ms: Math.round(performance.now() - start), requests };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${timeoutMs} ms`);
}

function figure(name: string, value: string) {
  test.info().annotations.push({ type: name, description: value });
  console.log(`[cluster figure] ${name}: ${value}`);
}

test("the front spreads requests over both instances, and the footer's pin form sends them to one", async ({
  page,
}) => {
  // A page load is a document plus prefetches, so whole pages need not alternate; single requests do.
  const instances = async (n: number) => {
    const names = new Set<string>();
    for (let i = 0; i < n; i++)
      names.add((await page.request.get("/api/whoami")).headers()["x-session-lab-instance"] ?? "");
    return [...names].sort();
  };
  const footerSays = async () => {
    await page.goto(CLUSTER_FRONT_URL);
    return page.getByRole("contentinfo").locator("[data-instance]").textContent();
  };
  await page.goto(CLUSTER_FRONT_URL);
  expect(await instances(6)).toEqual(["a", "b"]);

  const footer = page.getByRole("contentinfo");
  await footer.getByLabel("Send my next requests to").selectOption("b");
  await footer.getByRole("button", { name: "Apply" }).click();
  await expect(footer.getByRole("status")).toHaveText("Pinned: your next requests go to instance b.");
  for (let i = 0; i < 3; i++) expect(await footerSays()).toBe("b");
  expect(await instances(6)).toEqual(["b"]);

  await footer.getByLabel("Send my next requests to").selectOption("");
  await footer.getByRole("button", { name: "Apply" }).click();
  await expect(footer.getByRole("status")).toContainText("Unpinned");
  expect(await instances(6)).toEqual(["a", "b"]);
});

test("a database session revoked on instance a is refused on instance b at its next request", async ({
  request,
}) => {
  const email = await newUser(request);
  const { access_token: token } = await signIn(request, A.url, email, "database");
  expect(await whoami(request, B.url, token)).toMatchObject({
    status: 200,
    instance: "b",
    authenticated: true,
  });

  const revoked = await request.post(`${A.url}/api/token/revoke`, { form: { token } });
  expect(revoked.status()).toBe(200);
  const seen = await until(
    () => whoami(request, B.url, token),
    (w) => w.status === 401,
  );
  expect(await whoami(request, B.url, token)).toMatchObject({
    status: 401,
    instance: "b",
    authenticated: false,
  });
  figure(
    "database revocation on a → refused on b",
    `request ${seen.requests}, ${seen.ms} ms after the revoke answered`,
  );
  expect(seen.requests).toBe(1); // the very next request on b
});

test("a plain JWT is accepted on every instance without a single store read", async ({ request }) => {
  const email = await newUser(request);
  const { access_token: jwt } = await signIn(request, A.url, email, "jwt");
  const { access_token: opaque } = await signIn(request, A.url, email, "database");
  for (const instance of [A, B]) {
    const plain = await whoami(request, instance.url, jwt);
    expect(plain).toMatchObject({ status: 200, instance: instance.name, authenticated: true });
    expect(plain.steps.length).toBeGreaterThan(0);
    expect(plain.steps.filter((s) => s.store)).toEqual([]);
    expect(plain.serverTiming).toContain("store;dur=0.000");
    // The same trace does show a store when one is read: a database session on the same instance.
    const db = await whoami(request, instance.url, opaque);
    expect(db.steps.filter((s) => s.store).map((s) => s.store)).toContain("postgresql");
    expect(db.serverTiming).not.toContain("store;dur=0.000");
  }
});

test("a JWT deny-listed by the instructor on instance a is refused on instance b at its next request", async ({
  browser,
  request,
}) => {
  const email = await newUser(request);
  const { access_token: jwt } = await signIn(request, B.url, email, "jwt");
  const instructor = await instructorOn(browser, "a", "jwt");
  await instructor.goto("/revocation");
  const card = instructor.getByRole("region", { name: "JWT deny-list" });
  await card.getByRole("button", { name: "Check the deny-list on every request" }).click();
  await expect(card.getByRole("status").first()).toContainText("now checked on every request");
  try {
    await expect
      .poll(async () => (await whoami(request, B.url, jwt)).steps.map((s) => s.store))
      .toContain("postgresql");
    expect((await whoami(request, B.url, jwt)).status).toBe(200);

    await instructor.goto(`/instructor?q=${encodeURIComponent(email)}`);
    await instructor.getByRole("button", { name: new RegExp(`^Deny-list token .* of ${email}$`) }).click();
    // The list re-renders with the token marked (the button is gone with its status line).
    await expect(instructor.getByText("deny-listed", { exact: true })).toBeVisible();
    const seen = await until(
      () => whoami(request, B.url, jwt),
      (w) => w.status === 401,
    );
    expect((await whoami(request, B.url, jwt)).reason).toMatch(/deny-list/);
    figure(
      "deny-listed JWT on a → refused on b",
      `request ${seen.requests}, ${seen.ms} ms after the list showed it`,
    );
    expect(seen.requests).toBe(1);
  } finally {
    await instructor.goto("/revocation");
    await card.getByRole("button", { name: "Stop checking the deny-list" }).click();
    await expect(card.getByRole("status").first()).toContainText("Deny-list checks are off");
    await instructor.context().close();
  }
});

test("the auth clock and a key rotation set on instance a reach instance b", async ({ browser, request }) => {
  const email = await newUser(request);
  // A 60-second access token (JWT + refresh) from b: it dies when the auth clock jumps 5 minutes.
  const { access_token: access } = await signIn(request, B.url, email, "jwt-refresh");
  const { access_token: jwt } = await signIn(request, B.url, email, "jwt");
  expect((await whoami(request, B.url, access)).status).toBe(200);

  const instructor = await instructorOn(browser, "a", "database");
  await instructor.goto("/instructor");
  const clock = instructor.getByRole("region", { name: "Auth clock (time travel)" });
  await clock.getByRole("button", { name: "Move the auth clock +5 min" }).click();
  await expect(clock.getByText("5 min ahead", { exact: true })).toBeVisible();
  try {
    const seen = await until(
      () => whoami(request, B.url, access),
      (w) => w.status === 401,
    );
    figure("auth clock moved on a → in force on b", `request ${seen.requests}, ${seen.ms} ms`);
  } finally {
    await clock.getByRole("button", { name: "Back to now" }).click();
    await expect(clock.getByText("real time", { exact: true })).toBeVisible();
  }
  await expect.poll(async () => (await whoami(request, B.url, access)).status).toBe(200);

  expect((await whoami(request, B.url, jwt)).status).toBe(200);
  const keys = instructor.getByRole("region", { name: "JWT keys" });
  await keys.getByRole("button", { name: "Hard rotation" }).click();
  await expect(keys.getByRole("status").nth(1)).toContainText("every JWT session just ended");
  const rotated = await until(
    () => whoami(request, B.url, jwt),
    (w) => w.status === 401,
  );
  figure("hard key rotation on a → old JWTs refused on b", `request ${rotated.requests}, ${rotated.ms} ms`);
  // A token issued after the rotation, by either instance, is accepted by both.
  const { access_token: fresh } = await signIn(request, A.url, email, "jwt");
  await expect.poll(async () => (await whoami(request, B.url, fresh)).status).toBe(200);
  await instructor.context().close();
});

test("a session-store outage started on a: database mode fails closed everywhere, plain JWT keeps serving, then all recover", async ({
  browser,
  request,
}) => {
  const email = await newUser(request);
  const { access_token: opaque } = await signIn(request, A.url, email, "database");
  const { access_token: jwt } = await signIn(request, A.url, email, "jwt");
  // A browser with a database session, pinned to b.
  const user = await browser.newContext({ baseURL: CLUSTER_FRONT_URL });
  await user.addCookies([
    { name: "session-lab.instance", value: "b", domain: "localhost", path: "/" },
    { name: "auth-strategy", value: "database", domain: "localhost", path: "/" },
  ]);
  const userPage = await user.newPage();
  await userPage.goto("/signin");
  await userPage.getByLabel("Email", { exact: true }).fill(email);
  await userPage.getByLabel("Password", { exact: true }).fill("demo-password");
  await userPage.getByRole("button", { name: "Sign in with password" }).click();
  await expect(userPage.getByRole("banner")).toContainText(`Signed in as ${email}`);

  // Each instance has loaded the JWT keys (they live in the database) before the store goes away.
  for (const instance of [A, B]) expect((await whoami(request, instance.url, jwt)).status).toBe(200);
  const instructor = await instructorOn(browser, "a", "jwt");
  await instructor.goto("/instructor");
  const drill = instructor.getByRole("region", { name: "Store outage drill" });
  await drill.getByLabel("Seconds of session store outage").fill("60");
  await drill.getByRole("button", { name: "Make the session store unreachable" }).click();
  // The console re-renders around the drill (the rest of it needs the store), so the badge tells.
  await expect(drill.getByText(/^unreachable: \d+ s left$/)).toBeVisible();
  try {
    const seen = await until(
      () => whoami(request, B.url, opaque),
      (w) => w.status === 503,
    );
    figure("outage started on a → in force on b", `request ${seen.requests}, ${seen.ms} ms`);
    const down = await request.get(`${B.url}/api/whoami`, { headers: { authorization: `Bearer ${opaque}` } });
    expect(down.status()).toBe(503);
    expect(await down.json()).toMatchObject({ authenticated: false, unavailable: "database", instance: "b" });
    for (const instance of [A, B])
      expect(await whoami(request, instance.url, jwt)).toMatchObject({ status: 200, authenticated: true });

    await userPage.reload();
    await expect(userPage.getByRole("alert").filter({ hasText: "Session store unavailable" })).toBeVisible();
    await expect(userPage.getByRole("banner")).not.toContainText("Signed in as");
  } finally {
    await instructor.goto("/instructor");
    await drill.getByRole("button", { name: "End the session store outage" }).click();
    await expect(drill.getByText("reachable", { exact: true })).toBeVisible();
  }
  await expect.poll(async () => (await whoami(request, B.url, opaque)).status).toBe(200);
  await userPage.reload();
  await expect(userPage.getByRole("banner")).toContainText(`Signed in as ${email}`);
  await user.close();
  await instructor.context().close();
});

test("the footer and the outage drill fit a 390 px screen", async ({ browser }) => {
  const instructor = await instructorOn(browser, "a", "jwt");
  await instructor.setViewportSize({ width: 390, height: 900 });
  await instructor.goto("/instructor");
  await expect(instructor.getByRole("region", { name: "Store outage drill" })).toBeVisible();
  const overflow = await instructor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await instructor.getByRole("contentinfo").scrollIntoViewIfNeeded();
  await instructor.screenshot({ path: test.info().outputPath("instructor-390.png"), fullPage: true });
  await instructor.context().close();
});
