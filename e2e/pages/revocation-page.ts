import type { Locator, Page } from "@playwright/test";
import { Header } from "./header";

/** /revocation: in database mode, one row per signed-in device, each with its own Revoke button. */
export class RevocationPage {
  readonly header: Header;
  readonly revokeButtons: Locator;
  /** The Revoke button of every session except the one this browser holds. */
  readonly revokeOtherDeviceButtons: Locator;
  readonly signOutOthersButton: Locator;
  readonly signOutEverywhereButton: Locator;
  /** Every action's live status line. */
  readonly statuses: Locator;

  constructor(readonly page: Page) {
    this.header = new Header(page);
    const main = page.getByRole("main");
    this.revokeButtons = main.getByRole("button", { name: /^Revoke session on / });
    this.revokeOtherDeviceButtons = main.getByRole("button", {
      name: /^Revoke session on (?!.*\(this device\))/,
    });
    this.signOutOthersButton = main.getByRole("button", { name: "Sign out all other devices" });
    this.signOutEverywhereButton = main.getByRole("button", { name: "Sign out everywhere" });
    this.statuses = main.getByRole("status");
  }

  async goto(): Promise<void> {
    await this.page.goto("/revocation");
  }
}
