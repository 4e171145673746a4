import type { Strategy } from "../../lib/auth/strategy";
import { sessionCookie } from "../support/cookies";
import { WORKSHOP_BASE_URL } from "../workshop/env";
import { expect, type Person } from "../workshop/fixtures";

/** What a participant does on the lab pages and the pages they link to (e2e/labs specs). */
export async function signInAgainIn(p: Person, mode: Strategy): Promise<void> {
  await p.page.goto("/labs");
  if (await p.header.signOutButton.isVisible()) await p.header.signOut();
  await p.context.addCookies([{ name: "auth-strategy", value: mode, url: WORKSHOP_BASE_URL }]);
  await p.page.goto("/join");
  await p.page.getByRole("button", { name: /^Sign in again as/ }).click();
  await p.header.expectSignedInAs(p.name);
}

export async function expectCheckpoints(p: Person, lab: string, ids: string[]): Promise<void> {
  await p.page.goto(`/labs/${lab}`);
  for (const id of ids)
    await expect(p.page.locator(`[data-checkpoint="${id}"]`), id).toHaveAttribute("data-done", "true");
}

export async function decode(p: Person, token: string): Promise<void> {
  await p.page.getByLabel("Token to decode").fill(token);
  await p.page.getByRole("button", { name: "Decode", exact: true }).click();
}

export async function readOwnJwt(p: Person): Promise<string> {
  return (await sessionCookie(p.context)).value;
}

export async function keepAndReplay(p: Person): Promise<void> {
  await p.page.goto("/revocation");
  await p.page.getByRole("button", { name: "Keep a stolen copy of my cookie" }).click();
  await p.page.getByRole("button", { name: "Replay stolen copy" }).first().click();
  await expect(p.page.getByText(/Accepted as/).first()).toBeVisible();
}

export async function replayAgain(p: Person): Promise<void> {
  await p.page.goto("/revocation");
  await p.page.getByRole("button", { name: "Replay stolen copy" }).first().click();
  await expect(p.page.getByText(/Rejected/).first()).toBeVisible();
}
