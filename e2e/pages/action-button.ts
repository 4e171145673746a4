import type { Locator } from "@playwright/test";

/**
 * Every lab action is a one-button form with its own live status line (features/sessions/
 * action-button.tsx): the line that answers a click is the one in the button's form.
 */
export function statusOf(button: Locator): Locator {
  return button.locator("xpath=ancestor::form[1]").getByRole("status");
}
