import { expect, type Locator, type Page } from "@playwright/test";
import { statusOf } from "./action-button";
import { Header } from "./header";

/** One row of a stolen copy's replay table ("Replays of this copy, newest first"). */
export interface Replay {
  /** "accepted" or "rejected". */
  outcome: Locator;
  /** "18 ms after “Sign out”", or "—" when no revocation came before it. */
  after: Locator;
  /** "Accepted as …" / "Rejected: <reason>". */
  why: Locator;
}

/**
 * The "After revocation" text of a replay that came after `technique` ("Sign out", "Delete the
 * session row", …): "18 ms after “Sign out”", or "1.2 s after …" on a slow machine.
 */
export function afterRevocation(technique: string): RegExp {
  const name = technique.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^\\d+(\\.\\d)? (ms|s|min|h) after “${name}”$`);
}

export type Lifetime = "Idle timeout" | "Absolute timeout" | "Access token" | "This credential" | "Cookie";

/**
 * /revocation: the stolen-copy experiment, then the levers of this browser's strategy: "My
 * sessions" (database), "JWT deny-list" (both JWT modes), "Short-lived access token + refresh
 * token" (JWT + refresh), and "Lifetimes".
 */
export class RevocationPage {
  readonly header: Header;
  /** Actions that end your own session come back to /revocation?notice=… with this banner. */
  readonly notice: Locator;
  /** Every action's live status line. */
  readonly statuses: Locator;

  // Stolen-copy experiment: copies belong to this browser, so they stay after signing out.
  readonly stolenCard: Locator;
  readonly keepCopyButton: Locator;
  /** One list item per copy, newest first. */
  readonly copies: Locator;

  // My sessions (database mode)
  readonly sessionsCard: Locator;
  readonly revokeButtons: Locator;
  /** The Revoke button of every session except the one this browser holds. */
  readonly revokeOtherDeviceButtons: Locator;
  readonly revokeThisDeviceButton: Locator;
  readonly signOutOthersButton: Locator;
  readonly signOutEverywhereButton: Locator;

  // JWT deny-list (JWT modes)
  readonly denyListCard: Locator;
  readonly checkDenyListButton: Locator;
  readonly stopCheckingDenyListButton: Locator;
  /** What a non-instructor sees instead of the switch. */
  readonly onlyTheInstructorSwitches: Locator;
  /** "Cost on this request: …": the deny-list lookup's time, or "none". */
  readonly denyListCost: Locator;
  readonly denyThisTokenButton: Locator;
  readonly denyAllMyTokensButton: Locator;

  // Short-lived access token + refresh token (JWT + refresh mode)
  readonly refreshCard: Locator;
  readonly accessTokenTimer: Locator;
  readonly revokeFamilyButton: Locator;
  /** One list item per refresh family (one per sign-in). */
  readonly refreshFamilies: Locator;

  readonly lifetimesCard: Locator;

  constructor(readonly page: Page) {
    this.header = new Header(page);
    const main = page.getByRole("main");
    const card = (name: string) => main.getByRole("region", { name, exact: true });
    // The banner is the page's only <p> status line; the action buttons' lines are <span>s.
    this.notice = main.locator("p[role='status']");
    this.statuses = main.getByRole("status");

    this.stolenCard = card("Stolen-copy experiment");
    this.keepCopyButton = this.stolenCard.getByRole("button", { name: "Keep a stolen copy of my cookie" });
    this.copies = this.stolenCard.getByRole("listitem");

    this.sessionsCard = card("My sessions");
    this.revokeButtons = main.getByRole("button", { name: /^Revoke session on / });
    this.revokeOtherDeviceButtons = main.getByRole("button", {
      name: /^Revoke session on (?!.*\(this device\))/,
    });
    this.revokeThisDeviceButton = main.getByRole("button", { name: /^Revoke session on .*\(this device\)/ });
    this.signOutOthersButton = main.getByRole("button", { name: "Sign out all other devices" });
    this.signOutEverywhereButton = main.getByRole("button", { name: "Sign out everywhere" });

    this.denyListCard = card("JWT deny-list");
    this.checkDenyListButton = this.denyListCard.getByRole("button", {
      name: "Check the deny-list on every request",
    });
    this.stopCheckingDenyListButton = this.denyListCard.getByRole("button", {
      name: "Stop checking the deny-list",
    });
    this.onlyTheInstructorSwitches = this.denyListCard.getByText("Only the instructor can switch it");
    this.denyListCost = this.denyListCard.getByText(/^Cost on this request:/);
    this.denyThisTokenButton = this.denyListCard.getByRole("button", {
      name: "Deny-list this device's token",
    });
    this.denyAllMyTokensButton = this.denyListCard.getByRole("button", { name: "Deny-list all my tokens" });

    this.refreshCard = card("Short-lived access token + refresh token");
    this.accessTokenTimer = this.refreshCard.getByRole("timer", { name: "Access token expires in" });
    this.revokeFamilyButton = this.refreshCard.getByRole("button", { name: "Revoke my refresh family" });
    this.refreshFamilies = this.refreshCard.getByRole("listitem");

    this.lifetimesCard = card("Lifetimes");
  }

  async goto(): Promise<void> {
    await this.page.goto("/revocation");
  }

  /** "Keep a stolen copy of my cookie": the server stores exactly what a cookie thief would hold. */
  async keepStolenCopy(): Promise<void> {
    await this.keepCopyButton.click();
    await expect(statusOf(this.keepCopyButton)).toContainText("Copied your session cookie");
  }

  /** The rows of a copy's replay table, newest first (the page shows the last 8). */
  replays(copy: Locator = this.copies.first()): Locator {
    return copy
      .getByRole("table", { name: "Replays of this copy, newest first" })
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell") });
  }

  /** The newest replay of the newest copy. */
  newestReplay(copy: Locator = this.copies.first()): Replay {
    const cells = this.replays(copy).first().getByRole("cell");
    return { outcome: cells.nth(1), after: cells.nth(2), why: cells.nth(3) };
  }

  /** "Replay stolen copy": the server sends the copy, and nothing else, to /api/whoami. */
  async replayStolenCopy(copy: Locator = this.copies.first()): Promise<Replay> {
    const rows = this.replays(copy);
    const before = await rows.count();
    await copy.getByRole("button", { name: "Replay stolen copy" }).click();
    await expect(rows).toHaveCount(before + 1);
    return this.newestReplay(copy);
  }

  async checkDenyList(): Promise<void> {
    await this.checkDenyListButton.click();
    await expect(this.stopCheckingDenyListButton).toBeVisible();
  }

  /**
   * The deny-list check is on: an instructor turns it on if it is not; anyone else (who has no
   * switch, see defect 1 of issue 6) can only find it on, as the setup project left it.
   */
  async ensureDenyListChecked(): Promise<void> {
    await expect(
      this.checkDenyListButton.or(this.stopCheckingDenyListButton).or(this.onlyTheInstructorSwitches),
    ).toBeVisible();
    if (await this.checkDenyListButton.isVisible()) await this.checkDenyList();
    await expect(this.denyListCard.getByText("Deny-list check on every request")).toContainText(/:\s*on$/);
  }

  async stopCheckingDenyList(): Promise<void> {
    await this.stopCheckingDenyListButton.click();
    await expect(this.checkDenyListButton).toBeVisible();
  }

  /** The value next to a term of the Lifetimes card. */
  lifetime(term: Lifetime): Locator {
    return this.lifetimesCard
      .getByRole("term")
      .filter({ hasText: term })
      .locator("xpath=following-sibling::dd[1]");
  }
}
