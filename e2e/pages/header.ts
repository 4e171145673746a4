import { expect, type Locator, type Page } from "@playwright/test";

export type StrategyLabel = "Database" | "JWT" | "JWT + refresh";

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

  async switchStrategy(label: StrategyLabel): Promise<void> {
    await this.strategySelect.selectOption({ label });
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
