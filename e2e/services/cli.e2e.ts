import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { runCli } from "../support/processes";
import { newUser, signIn } from "../support/services-api";
import { SVC_APP_URL, SVC_SERVICE_URL } from "../support/services-env";

/**
 * The CLI, run as a person runs it (a child process, no browser, no terminal), against the
 * services project's app and orders service. Each test has its own credentials folder.
 */
let home: string;
test.beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), "session-lab-cli-"));
});
test.afterEach(() => rmSync(home, { recursive: true, force: true }));

const file = () => path.join(home, "credentials.json");

async function cliAs(user: { email: string; password: string }) {
  const env = {
    SESSION_LAB_CLI_HOME: home,
    SESSION_LAB_EMAIL: user.email,
    SESSION_LAB_PASSWORD: user.password,
  };
  return (...args: string[]) => runCli([...args, "--service", SVC_SERVICE_URL], env);
}

for (const mode of ["database", "jwt"] as const) {
  test(`login → whoami → orders → logout in ${mode} mode`, async ({ request }) => {
    const user = await newUser(request);
    const cli = await cliAs(user);

    const login = await cli("login", "--url", SVC_APP_URL, "--mode", mode);
    expect(login, login.stderr).toMatchObject({ code: 0 });
    expect(login.stdout).toContain(`Logged in as ${user.email} (${mode} session)`);
    expect(statSync(file()).mode & 0o777).toBe(0o600);

    const whoami = await cli("whoami");
    expect(whoami, whoami.stderr).toMatchObject({ code: 0 });
    expect(whoami.stdout).toContain(`${user.email} (user), ${mode} session`);

    const orders = await cli("orders");
    expect(orders, orders.stderr).toMatchObject({ code: 0 });
    // A database id must be introspected; a session JWE is first traded for a signed token.
    expect(orders.stdout).toContain(mode === "database" ? "Verified by introspection" : "Verified by jwks");

    const logout = await cli("logout");
    expect(logout, logout.stderr).toMatchObject({ code: 0 });
    expect(logout.stdout).toContain(
      mode === "database" ? "The session row is deleted" : "stays valid until its exp",
    );
    expect(existsSync(file())).toBe(false);
    expect(await cli("whoami")).toMatchObject({ code: 1 });
  });
}

test("revoking the CLI's session row from the web makes its next whoami fail", async ({
  request,
  browser,
}) => {
  const user = await newUser(request);
  const cli = await cliAs(user);
  expect((await cli("login", "--url", SVC_APP_URL, "--mode", "database")).code).toBe(0);
  expect((await cli("whoami")).code).toBe(0);

  // The same user in a browser, revoking the CLI's device from "My sessions".
  const browserSession = await signIn(request, user.email, user.password, "database");
  const context = await browser.newContext({ baseURL: SVC_APP_URL });
  await context.addCookies([
    { name: "auth-strategy", value: "database", url: SVC_APP_URL },
    { name: "authjs.session-token", value: browserSession.access_token, url: SVC_APP_URL },
  ]);
  const page = await context.newPage();
  await page.goto("/revocation");
  const revoke = page.getByRole("button", { name: /^Revoke session on Session Lab CLI / });
  await expect(revoke).toHaveCount(1);
  await revoke.click();
  await expect(revoke).toHaveCount(0);
  await context.close();

  const after = await cli("whoami");
  expect(after.code).toBe(1);
  expect(after.stderr).toContain("No session row matches this id");
});

test("a credentials file that others can read is refused, not used", async ({ request }) => {
  const cli = await cliAs(await newUser(request));
  expect((await cli("login", "--url", SVC_APP_URL, "--mode", "database")).code).toBe(0);
  await chmod(file(), 0o644);
  const refused = await cli("whoami");
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain("readable by others");
  await chmod(file(), 0o600);
  expect((await cli("whoami")).code).toBe(0);
  expect((await cli("logout")).code).toBe(0);
});
