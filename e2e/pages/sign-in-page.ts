import { expect, type Locator, type Page } from "@playwright/test";
import type { TestUser } from "../support/users";
import { Header } from "./header";

export interface RememberOption {
  /** Tick "Remember me" (a persistent cookie); unticked, the cookie dies with the browser. */
  remember?: boolean;
}

/** /signin: the password form, the magic-link form, and the messages they answer with. */
export class SignInPage {
  readonly header: Header;
  readonly passwordForm: Locator;
  readonly magicLinkForm: Locator;
  /** The forms' live status line ("Wrong email or password…", "Link sent…"). */
  readonly status: Locator;
  /** The error the page shows for Auth.js's `?error=` codes. */
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.header = new Header(page);
    const main = page.getByRole("main");
    // Each form is found by its heading, so this works whether or not the <form> is a named landmark.
    const formHeaded = (name: string) =>
      main.locator("form").filter({ has: page.getByRole("heading", { name, exact: true }) });
    this.passwordForm = formHeaded("Email and password");
    this.magicLinkForm = formHeaded("Magic link");
    this.status = main.getByRole("status");
    this.alert = main.getByRole("alert");
  }

  async goto(): Promise<void> {
    await this.page.goto("/signin");
    await expect(this.page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  }

  async signInWithPassword(email: string, password: string, { remember = false }: RememberOption = {}) {
    await this.passwordForm.getByLabel("Email").fill(email);
    await this.passwordForm.getByLabel("Password").fill(password);
    await this.passwordForm.getByLabel("Remember me").setChecked(remember);
    await this.passwordForm.getByRole("button", { name: "Sign in with password" }).click();
  }

  /** The whole happy path: sign in with a password and land back on the lab, signed in. */
  async signInAs(user: TestUser, options: RememberOption = {}): Promise<void> {
    await this.goto();
    await this.signInWithPassword(user.email, user.password, options);
    await expect(this.page).toHaveURL("/");
    await this.header.expectSignedInAs(user.email);
  }

  async requestMagicLink(email: string, { remember = false }: RememberOption = {}): Promise<void> {
    await this.magicLinkForm.getByLabel("Email for the link").fill(email);
    await this.magicLinkForm.getByLabel("Remember me").setChecked(remember);
    await this.magicLinkForm.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(this.status).toContainText("Link sent");
  }
}
