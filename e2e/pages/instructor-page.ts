import { expect, type Locator, type Page } from "@playwright/test";
import type { TestUser } from "../support/users";
import { statusOf } from "./action-button";
import { SignInPage } from "./sign-in-page";

export type ClockStep = "+1 min" | "+5 min" | "+1 hour" | "+9 hours" | "+8 days";
const STEP_MINUTES: Record<ClockStep, number> = {
  "+1 min": 1,
  "+5 min": 5,
  "+1 hour": 60,
  "+9 hours": 9 * 60,
  "+8 days": 8 * 24 * 60,
};

/**
 * /instructor, the admin console, in a browser of its own signed in as `admin`: the auth clock
 * (time travel), the JWT keys, and everyone's sessions and tokens.
 */
export class InstructorPage {
  readonly heading: Locator;
  /** What anyone but an admin gets instead of the console. */
  readonly instructorOnly: Locator;
  readonly clockCard: Locator;
  /** "real time" or "N min ahead". */
  readonly clockBadge: Locator;
  readonly keysCard: Locator;
  readonly rotateWithGraceButton: Locator;
  readonly hardRotationButton: Locator;
  readonly usersCard: Locator;

  constructor(
    readonly page: Page,
    readonly admin: TestUser,
  ) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1, name: "Instructor console" });
    this.instructorOnly = main.getByRole("alert").filter({ hasText: "Instructor only" });
    this.clockCard = main.getByRole("region", { name: "Auth clock (time travel)" });
    this.clockBadge = this.clockCard.getByText(/^(real time|-?\d+ min ahead)$/);
    this.keysCard = main.getByRole("region", { name: "JWT keys" });
    this.rotateWithGraceButton = this.keysCard.getByRole("button", { name: "Rotate with grace" });
    this.hardRotationButton = this.keysCard.getByRole("button", { name: "Hard rotation" });
    this.usersCard = main.getByRole("region", { name: "Everyone's sessions and tokens" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/instructor");
  }

  async signIn(): Promise<void> {
    await new SignInPage(this.page).signInAs(this.admin);
    await this.goto();
    await expect(this.clockCard).toBeVisible();
  }

  /**
   * Opens the console. Time travel ages the instructor's own session too (+9 hours ends it), so
   * this signs in again when the console answers "Instructor only".
   */
  async open(): Promise<void> {
    await this.goto();
    await expect(this.clockCard.or(this.instructorOnly)).toBeVisible();
    if (await this.instructorOnly.isVisible()) await this.signIn();
  }

  /** Minutes the auth clock runs ahead of real time, as the console shows it. */
  async minutesAhead(): Promise<number> {
    const text = (await this.clockBadge.textContent()) ?? "";
    return text === "real time" ? 0 : Number.parseInt(text, 10);
  }

  /** Moves the auth clock (for everyone on the server) and checks the console shows the new offset. */
  async moveClock(step: ClockStep): Promise<void> {
    await this.open();
    const before = await this.minutesAhead();
    const button = this.clockCard.getByRole("button", { name: `Move the auth clock ${step}` });
    await button.click();
    // The jump may end the instructor's own session, and then the console itself is gone.
    await expect(statusOf(button).or(this.instructorOnly)).toContainText(/min ahead|Instructor only/);
    await this.open();
    await expect(this.clockBadge).toHaveText(`${before + STEP_MINUTES[step]} min ahead`);
  }

  async backToNow(): Promise<void> {
    await this.open();
    const button = this.clockCard.getByRole("button", { name: "Back to now" });
    await button.click();
    await expect(statusOf(button)).toHaveText("The auth clock is back to real time.");
    await expect(this.clockBadge).toHaveText("real time");
  }

  /** Rotates the JWT key; resolves with the new key's id ("k2", …) from the console's answer. */
  async rotate(button: Locator): Promise<string> {
    await this.open();
    await button.click();
    const status = statusOf(button);
    await expect(status).toHaveText(/^Key k\d+ /);
    const id = /^Key (k\d+)/.exec((await status.textContent()) ?? "")?.[1];
    if (!id) throw new Error("the rotation did not name its new key");
    return id;
  }

  endEverythingButton(email: string): Locator {
    return this.usersCard.getByRole("button", { name: `End every session and token of ${email}` });
  }

  /** One token (one JWT sign-in) in a user's entry: "sid …", its device, a Deny-list button or badge. */
  tokenEntry(sid: string): Locator {
    return this.usersCard.getByText(`sid ${sid}`, { exact: true }).locator("xpath=ancestor::li[1]");
  }

  denyListTokenButton(sid: string, email: string): Locator {
    return this.usersCard.getByRole("button", { name: `Deny-list token ${sid} of ${email}` });
  }
}
