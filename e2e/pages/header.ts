import { expect, type Locator, type Page } from "@playwright/test";

export type StrategyLabel = "Database" | "JWT" | "JWT + refresh";

/** The header on every page: strategy select, its status line, and who is signed in. */
export class Header {
  readonly banner: Locator;
  readonly strategySelect: Locator;
  readonly status: Locator;
  readonly signOutButton: Locator;
  readonly signInLink: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole("banner");
    this.strategySelect = this.banner.getByLabel("Session strategy");
    this.status = this.banner.getByRole("status");
    this.signOutButton = this.banner.getByRole("button", { name: "Sign out" });
    this.signInLink = this.banner.getByRole("link", { name: "Sign in" });
  }

  async switchStrategy(label: StrategyLabel): Promise<void> {
    await this.strategySelect.selectOption({ label });
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
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
