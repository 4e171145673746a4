import type { Locator, Page } from "@playwright/test";

/** /mailbox: where magic-link emails land in demo mode (no SMTP). */
export class MailboxPage {
  constructor(readonly page: Page) {}

  /** Opens the mailbox filtered to one address, so parallel tests never see each other's mail. */
  async goto(to: string): Promise<void> {
    await this.page.goto(`/mailbox?to=${encodeURIComponent(to)}`);
  }

  linkFor(email: string): Locator {
    return this.page.getByRole("main").getByRole("link", { name: `Sign in as ${email}` });
  }
}
