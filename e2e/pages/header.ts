import { expect, type Locator, type Page } from "@playwright/test";

export type StrategyLabel = "Database" | "JWT" | "JWT + refresh" | "Database + cookie cache";

/** The header on every page: strategy select, its status line, and who is signed in. */
export class Header {
  readonly banner: Locator;
  readonly strategySelect: Locator;
  /** Shown next to the select when the server fixes the strategy (AUTH_STRATEGY_LOCKED=1). */
  readonly lockedNote: Locator;
  readonly status: Locator;
  readonly signOutButton: Locator;
  readonly signInLink: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole("banner");
    this.strategySelect = this.banner.getByLabel("Session strategy");
    this.lockedNote = this.banner.getByText("Locked by the server");
    this.status = this.banner.getByRole("status");
    this.signOutButton = this.banner.getByRole("button", { name: "Sign out" });
    this.signInLink = this.banner.getByRole("link", { name: "Sign in" });
  }

  /**
   * Choosing in the list changes nothing (issue 6, defect 15): "Switch strategy" does, after a
   * confirmation when a session would end.
   */
  async switchStrategy(label: StrategyLabel): Promise<void> {
    await this.strategySelect.selectOption({ label });
    await this.banner.getByRole("button", { name: "Switch strategy" }).click();
    const confirm = this.banner.getByRole("group", { name: "Confirm the switch" });
    const switched = this.status.filter({ hasText: "Now using" });
    await expect(confirm.or(switched)).toBeVisible();
    if (await confirm.isVisible()) await confirm.getByRole("button", { name: "Switch and sign out" }).click();
  }

  /**
   * Signs out and waits for the signed-out page, so the next navigation cannot race the action.
   * The page is reloaded and left to go quiet first: every response re-issues a JWT, and one still
   * on its way (a prefetch) would put the cookie back after the sign-out (see sign-out.spec.ts).
   */
  async signOut(): Promise<void> {
    await this.page.reload({ waitUntil: "networkidle" });
    await this.signOutButton.click();
    await this.expectSignedOut();
  }

  async expectSignedInAs(email: string): Promise<void> {
    await expect(this.banner).toContainText(`Signed in as ${email}`);
    await expect(this.signOutButton).toBeVisible();
  }

  async expectSignedOut(): Promise<void> {
    await expect(this.signInLink).toBeVisible();
    await expect(this.signOutButton).toHaveCount(0);
  }
}
