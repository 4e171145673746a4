import { randomBytes } from "node:crypto";
import { EncryptJWT } from "jose";
import { expect, type Strategy, test } from "./fixtures";
import { LabPage } from "./pages/lab-page";
import { SESSION_COOKIE, STRATEGY_COOKIE, sessionCookie, setCookies } from "./support/cookies";

/** Change one character in the middle (base64url stays base64url; the last char may be padding bits). */
function flipOneChar(value: string): string {
  const i = Math.floor(value.length / 2);
  return value.slice(0, i) + (value[i] === "A" ? "B" : "A") + value.slice(i + 1);
}

/** A well-formed Auth.js-style JWE, but made with a key this server has never seen. */
async function jweFromAnotherServer(email: string): Promise<string> {
  return new EncryptJWT({ sub: "someone", email })
    .setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512" })
    .setIssuedAt()
    .setExpirationTime("1h")
    .encrypt(randomBytes(64));
}

const other = (s: Strategy): Strategy => (s === "database" ? "jwt" : "database");

interface BadCookie {
  name: string;
  cookies: (real: string, ctx: { strategy: Strategy; email: string }) => Promise<Record<string, string>>;
}

const BAD_COOKIES: BadCookie[] = [
  {
    name: "tampered (one character flipped)",
    cookies: async (real) => ({ [SESSION_COOKIE]: flipOneChar(real) }),
  },
  { name: "truncated", cookies: async (real) => ({ [SESSION_COOKIE]: real.slice(0, real.length >> 1) }) },
  {
    name: "a random value nobody issued",
    cookies: async () => ({ [SESSION_COOKIE]: randomBytes(32).toString("base64url") }),
  },
  {
    name: "a JWE made with another server's key",
    cookies: async (_real, { email }) => ({ [SESSION_COOKIE]: await jweFromAnotherServer(email) }),
  },
  {
    name: "a valid cookie presented under the other strategy",
    cookies: async (_real, { strategy }) => ({ [STRATEGY_COOKIE]: other(strategy) }),
  },
];

async function expectCleanSignedOutPage(labPage: LabPage): Promise<void> {
  await expect(labPage.summary).toContainText("Not signed in");
  await labPage.header.expectSignedOut();
  await expect(labPage.page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
  // biome-ignore lint/performance/useDomNodeTextContent: what a person sees; textContent includes the RSC payload scripts
  const text = await labPage.page.locator("body").innerText();
  expect(text).not.toMatch(/\bError:/);
  expect(text, "no stack trace lines").not.toMatch(/^\s*at .+:\d+:\d+\)?\s*$/m);
}

/**
 * The bad cookie goes into a second, clean browser: the signed-in one may still have Next's
 * prefetches in flight, and their responses would put the real cookie back mid-test.
 */
for (const bad of BAD_COOKIES) {
  test(`session cookie ${bad.name}: signed out cleanly, whoami says why`, async ({
    page,
    secondDevice,
    strategy,
    signInPage,
    freshUser,
  }) => {
    await signInPage.signInAs(freshUser);
    const real = (await sessionCookie(page.context())).value;
    const planted = {
      [SESSION_COOKIE]: real,
      ...(await bad.cookies(real, { strategy, email: freshUser.email })),
    };

    await setCookies(secondDevice.context(), planted);
    const whoami = await secondDevice.request.get("/api/whoami");
    expect(whoami.status()).toBe(401);
    const body = (await whoami.json()) as { authenticated: boolean; reason: unknown };
    expect(body.authenticated).toBe(false);
    expect(body.reason).toEqual(expect.any(String));
    expect(body.reason).not.toBe("No session credential was sent.");

    await setCookies(secondDevice.context(), planted); // the server may have cleared the bad cookie
    const lab = new LabPage(secondDevice);
    const res = await lab.goto();
    expect(res?.status()).toBe(200);
    await expectCleanSignedOutPage(lab);
  });
}

for (const value of ["banana", "%%%"]) {
  test(`a malformed strategy cookie (${value}) falls back to the server default, Database`, async ({
    page,
    secondDevice,
    strategy,
    signInPage,
    freshUser,
  }) => {
    await signInPage.signInAs(freshUser);
    const planted = {
      [SESSION_COOKIE]: (await sessionCookie(page.context())).value,
      [STRATEGY_COOKIE]: value,
    };

    await setCookies(secondDevice.context(), planted);
    const lab = new LabPage(secondDevice);
    const res = await lab.goto();
    expect(res?.status()).toBe(200);
    await expect(lab.header.strategySelect).toHaveValue("database");
    await expect(lab.header.strategySelect.locator("option:checked")).toHaveText("Database");

    await setCookies(secondDevice.context(), planted);
    const whoami = await secondDevice.request.get("/api/whoami");
    if (strategy === "database") {
      // The fallback is this session's own strategy, so the session still counts.
      expect(whoami.status()).toBe(200);
      await lab.header.expectSignedInAs(freshUser.email);
    } else {
      expect(whoami.status()).toBe(401);
      expect(((await whoami.json()) as { reason?: unknown }).reason).toEqual(expect.any(String));
      await expectCleanSignedOutPage(lab);
    }
  });
}
