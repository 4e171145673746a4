import { statusOf } from "../pages/action-button";
import { expect, signInAsInstructor, tag, test } from "./fixtures";

/**
 * The instructor's side of the room: the console follows participants live (no reload), ends a
 * participant's access, and resets the room without signing the instructor out.
 */
test("the instructor sees the room live, ends a participant's access, and resets the room", async ({
  instructor,
  join,
  pairDevice,
}) => {
  const t = tag();
  const room = instructor.page;
  // Earlier specs filled the room: search this run's people (the live view keeps the search).
  await room.goto(`/instructor?q=${t}`);
  await room.evaluate(() => {
    (window as unknown as { stayedHere: boolean }).stayedHere = true;
  });

  const a = await join(`Ada ${t}`, "jwt");
  const b = await join(`Bob ${t}`, "database");
  const cardA = room.getByRole("listitem", { name: a.name });
  await expect(cardA).toContainText("JWT · 0 sessions · 1 token");
  await expect(room.getByRole("listitem", { name: b.name })).toContainText("Database · 1 session");

  // A signs in elsewhere: the console and the room timeline follow without a reload.
  const aLaptop = await pairDevice(a, "database");
  await expect(cardA).toContainText("1 session · 1 token");
  await expect(room.getByRole("list", { name: "Room timeline, newest first" })).toContainText(
    `Added a device · ${a.name}`,
  );
  expect(await room.evaluate(() => (window as unknown as { stayedHere?: boolean }).stayedHere)).toBe(true);

  // End everything A holds: the laptop's row is deleted at once (the JWT is deny-listed too).
  const end = cardA.getByRole("button", { name: `End every session and token of ${a.name}` });
  await end.click();
  await expect(statusOf(end)).toContainText("database session");
  await expect(cardA).toContainText("0 sessions");
  await aLaptop.goto("/");
  await expect(aLaptop.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(b.page.getByRole("banner")).toContainText(`Signed in as ${b.name}`); // B untouched

  // A server-wide change shows on every participant's page.
  const minute = room.getByRole("button", { name: "Move the auth clock +1 min" });
  await minute.click();
  await expect(statusOf(minute)).toHaveText(/^The auth clock now runs \d+ min ahead\.$/);
  await b.page.goto("/");
  await expect(b.page.getByRole("note", { name: "Latest change by the instructor" })).toContainText(
    "The instructor moved the auth clock +1 min",
  );

  // B leaves something behind; the instructor holds a JWT made with a rotated key.
  await b.page.goto("/revocation");
  await b.page.getByRole("button", { name: "Keep a stolen copy of my cookie" }).click();
  await expect(b.page.getByRole("button", { name: "Replay stolen copy" })).toBeVisible();
  await room.getByRole("button", { name: "Rotate with grace" }).click();
  await expect(room.getByText("now encrypts new tokens")).toBeVisible();
  // Sign out and in again for a token made with the new key. (Not Header.signOut(): it waits for a
  // quiet network, and the console's event stream never goes quiet.)
  await room.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(room.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await signInAsInstructor(room);
  await expect(room.getByRole("heading", { level: 1, name: "Instructor console: the room" })).toBeVisible();

  await room.getByLabel("Yes, reset the room for everyone").check();
  await room.getByRole("button", { name: "Reset the room" }).click();
  await expect(room.getByRole("status").filter({ hasText: "Room reset" })).toContainText(
    "Your own JWT was re-issued",
  );
  await room.reload();
  await expect(room.getByRole("heading", { level: 1, name: "Instructor console: the room" })).toBeVisible();
  await expect(room.getByText("real time", { exact: true })).toBeVisible();
  await expect(room.locator("#keys-title").locator("..").getByText("active")).toHaveCount(1);

  await b.page.goto("/revocation");
  await expect(b.page.getByText("No copies yet.")).toBeVisible();
  await expect(b.page.getByRole("banner")).toContainText(`Signed in as ${b.name}`); // accounts and sessions stay
  await expect(b.page.getByRole("note", { name: "Latest change by the instructor" })).toContainText(
    "The instructor reset the room",
  );
});

test("a participant's own timeline is live and shows only their events", async ({ join }) => {
  const a = await join(`Ada ${tag()}`);
  const b = await join(`Bob ${tag()}`);
  await a.page.goto("/timeline");
  const mine = a.page.getByRole("list", { name: "My timeline, newest first" });
  await expect(mine).toContainText("Joined the room");
  await expect(a.page.getByText("Live: updates as they happen")).toBeVisible();
  await a.page.evaluate(() => {
    (window as unknown as { stayedHere: boolean }).stayedHere = true;
  });
  await a.context.newPage().then(async (tab) => {
    await tab.goto("/revocation");
    await tab.getByRole("button", { name: "Keep a stolen copy of my cookie" }).click();
    await tab.getByRole("button", { name: "Replay stolen copy" }).click();
    await expect(tab.getByRole("table", { name: "Replays of this copy, newest first" })).toBeVisible();
  });
  await expect(mine).toContainText("Stolen copy accepted");
  expect(await a.page.evaluate(() => (window as unknown as { stayedHere?: boolean }).stayedHere)).toBe(true);
  await expect(mine).not.toContainText(b.name);
  await b.page.goto("/timeline");
  await expect(b.page.getByRole("list", { name: "My timeline, newest first" })).not.toContainText(
    "Stolen copy accepted",
  );
});
