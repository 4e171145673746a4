import type { Page } from "@playwright/test";
import { statusOf } from "../pages/action-button";
import type { StrategyLabel } from "../pages/header";
import { RevocationPage } from "../pages/revocation-page";
import { WORKSHOP_BASE_URL } from "./env";
import { expect, type Person, signInAsInstructor } from "./fixtures";

/**
 * What people in the room do on the way through the labs (labs-walk.spec.ts): a participant's
 * mode switch and way back in, and the instructor's server-wide levers, each waiting for the
 * app's own answer before going on.
 */

/** "Sign in again as <name>" on /join: the participant key this browser holds, in the current mode. */
export async function signInAgain(p: Person): Promise<void> {
  await p.page.goto("/join");
  await p.page.getByRole("button", { name: `Sign in again as ${p.name}` }).click();
  await expect(p.page).toHaveURL(`${WORKSHOP_BASE_URL}/`);
  await p.header.expectSignedInAs(p.name);
}

/** The header's mode switch (which signs the participant out), then back in with the key. */
export async function switchModeAndSignIn(p: Person, mode: StrategyLabel): Promise<void> {
  await p.header.switchStrategy(mode);
  await expect(p.header.status).toContainText(`Now using ${mode} sessions.`);
  await signInAgain(p);
}

/** The console, signing the instructor in again if time travel ended their own session. */
export async function openConsole(room: Page, path = "/instructor"): Promise<void> {
  await room.goto(path);
  const heading = room.getByRole("heading", { level: 1, name: "Instructor console: the room" });
  const secret = room.getByLabel("Secret", { exact: true });
  await expect(heading.or(secret)).toBeVisible();
  if (await secret.isVisible()) {
    await signInAsInstructor(room);
    await expect(heading).toBeVisible();
    if (path !== "/instructor") await room.goto(path);
  }
}

export async function moveClock(room: Page, step: "+9 hours"): Promise<void> {
  await openConsole(room);
  const button = room.getByRole("button", { name: `Move the auth clock ${step}` });
  await button.click();
  // A jump past the idle timeout ends the instructor's own session too: the console gives way to the sign-in.
  const moved = room.getByText(/^The auth clock now runs \d+ min ahead\.$/);
  await expect(moved.or(room.getByLabel("Secret", { exact: true }))).toBeVisible();
}

export async function clockBackToNow(room: Page): Promise<void> {
  await openConsole(room);
  const button = room.getByRole("button", { name: "Back to now" });
  await button.click();
  await expect(statusOf(button)).toHaveText("The auth clock is back to real time.");
}

/**
 * Turns the server-wide deny-list check on or off from the instructor's /revocation (the
 * instructor's JWT session shows the switch). Resolves with whether it was on before.
 */
export async function setDenyListCheck(room: Page, on: boolean): Promise<boolean> {
  await openConsole(room);
  await room.goto("/revocation");
  const revocation = new RevocationPage(room);
  await expect(revocation.checkDenyListButton.or(revocation.stopCheckingDenyListButton)).toBeVisible();
  const wasOn = await revocation.stopCheckingDenyListButton.isVisible();
  if (on && !wasOn) await revocation.checkDenyList();
  if (!on && wasOn) await revocation.stopCheckingDenyList();
  return wasOn;
}
