import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { Header } from "../pages/header";
import { ROLES, type Role, STATE_STRATEGIES, statePath, whoPath } from "./states";

/**
 * Recipe: every page, as every kind of user, checked the same three ways: axe finds no WCAG 2 A/AA
 * violation, nothing is wider than the screen (this file runs in the "recipes" project at a laptop
 * width and in "recipes-narrow" at 390 px), and the browser reports no error (the fixtures' guard).
 * Signed-in tests reuse the states auth.setup.ts saved: no sign-in per test.
 */
const PAGES: Record<Role | "visitor", string[]> = {
  visitor: [
    "/",
    "/signin",
    "/revocation",
    "/services",
    "/mailbox",
    "/timeline",
    "/labs",
    "/compare",
    "/benchmarks",
  ],
  user: [
    "/",
    "/revocation",
    "/services",
    "/mailbox",
    "/timeline",
    "/instructor",
    "/labs",
    "/labs/revocation",
    "/benchmarks",
  ],
  admin: [
    "/",
    "/revocation",
    "/services",
    "/mailbox",
    "/timeline",
    "/instructor",
    "/labs/state",
    "/compare",
    "/handout",
  ],
};

async function checkPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers`).toBe(path === "/no-such-page" ? 404 : 200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = axe.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  // Soft: one run reports every page's findings, not just the first page's.
  expect.soft(found, `axe on ${path}`).toEqual([]);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect.soft(overflow, `${path} is wider than the screen by ${overflow}px`).toBeLessThanOrEqual(0);
}

test.describe("the not-found page", () => {
  // Chromium logs the 404 of the page itself as a console error: the one error this test expects.
  test.use({ allowedConsoleErrors: [/status of 404/] });
  test("an unknown address", async ({ page }) => checkPage(page, "/no-such-page"));
});

// One test per kind of user, visiting every page in turn: a browser context per page would cost
// more than the checks themselves.
test("a visitor who is not signed in: every page", async ({ page }) => {
  for (const path of PAGES.visitor) await test.step(path, () => checkPage(page, path));
});

for (const role of ROLES) {
  for (const strategy of STATE_STRATEGIES) {
    test.describe(() => {
      test.use({ strategy, storageState: statePath(role, strategy) });
      test(`${role}, ${strategy} mode: every page`, async ({ page }, testInfo) => {
        // The layout does not depend on the mode: at 390 px one mode per role is enough.
        test.skip(
          testInfo.project.name === "recipes-narrow" && strategy !== "database",
          "one mode at 390 px",
        );
        const { email } = JSON.parse(readFileSync(whoPath(role, strategy), "utf8")) as { email: string };
        for (const path of PAGES[role]) {
          await test.step(path, async () => {
            await checkPage(page, path);
            await new Header(page).expectSignedInAs(email);
          });
        }
      });
    });
  }
}

// The dark theme has styles of its own: axe's contrast check catches a card, a badge or a line of
// text that kept its light colours. The theme is a cookie (the header's Theme menu sets it).
test.describe("the dark theme", () => {
  test.beforeEach(async ({ context, baseURL }, testInfo) => {
    test.skip(testInfo.project.name === "recipes-narrow", "colours do not depend on the width");
    await context.addCookies([{ name: "session-lab.theme", value: "dark", url: baseURL ?? "" }]);
  });

  test("a visitor: every page", async ({ page }) => {
    for (const path of PAGES.visitor) await test.step(path, () => checkPage(page, path));
  });

  test.describe(() => {
    test.use({ strategy: "jwt", storageState: statePath("admin", "jwt") });
    test("the instructor, JWT mode: every page", async ({ page }) => {
      for (const path of [...PAGES.admin, "/labs", "/benchmarks", "/present"])
        await test.step(path, async () => {
          await checkPage(page, path);
          await expect(page.locator("html")).toHaveClass(/\bdark\b/);
        });
    });
  });
});
