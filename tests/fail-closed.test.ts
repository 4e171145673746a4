import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setDenyListEnforced } from "@/lib/auth/deny-list";
import { readSession } from "@/lib/auth/read";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { syncSettings } from "@/lib/settings";
import { endOutage, StoreUnavailableError, startOutage } from "@/lib/store/gate";
import { createUser } from "./support/fixtures";
import { withSession } from "./support/scope";
import { databaseCookie, jwtCookie } from "./support/sessions";

/**
 * When a store cannot be asked, the answer is "unavailable": never "signed out" (which would
 * throw every user out and lose nothing to the attacker) and never "signed in" (which would let
 * revoked credentials through). Once the store is back, nobody has lost their session.
 */
const whenDown = env.AUTH_DENYLIST_WHEN_DOWN;

beforeAll(() => syncSettings(true)); // settings are cached before the outage, as in a running server
afterEach(async () => {
  endOutage("database");
  env.AUTH_DENYLIST_WHEN_DOWN = whenDown;
  await setDenyListEnforced(false);
});

describe("database sessions during a database outage", () => {
  it("a signed-in cookie reads as unavailable, then signed in again once the store is back", async () => {
    const user = await createUser();
    const scope = withSession(await databaseCookie(user), { strategy: "database" });
    expect((await readSession(scope)).status).toBe("signed-in");

    startOutage("database", 30);
    expect(await readSession(scope)).toMatchObject({ status: "unavailable", store: "database" });
    await expect(db.user.findUnique({ where: { id: user.id } })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );

    endOutage("database");
    const verdict = await readSession(scope);
    expect(verdict.status === "signed-in" && verdict.user.id).toBe(user.id);
  });

  it("an outage is never read as a revocation: the session row survives it", async () => {
    const user = await createUser();
    const scope = withSession(await databaseCookie(user), { strategy: "cookie-cache" });
    startOutage("database", 30);
    for (let i = 0; i < 3; i++) expect((await readSession(scope)).status).toBe("unavailable");
    endOutage("database");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("JWT sessions during a database outage", () => {
  it("with the deny-list enforced and AUTH_DENYLIST_WHEN_DOWN=closed, a JWT is refused as unavailable", async () => {
    expect(whenDown).toBe("closed");
    const user = await createUser();
    const scope = withSession(await jwtCookie(user), { strategy: "jwt" });
    await setDenyListEnforced(true);
    startOutage("database", 30);
    expect(await readSession(scope)).toMatchObject({ status: "unavailable", store: "database" });
    endOutage("database");
    expect((await readSession(scope)).status).toBe("signed-in");
  });

  it("with AUTH_DENYLIST_WHEN_DOWN=open, the JWT is trusted unchecked, and the verdict says so", async () => {
    const user = await createUser();
    const scope = withSession(await jwtCookie(user), { strategy: "jwt" });
    await setDenyListEnforced(true);
    env.AUTH_DENYLIST_WHEN_DOWN = "open";
    startOutage("database", 30);
    const verdict = await readSession(scope);
    expect(verdict.status).toBe("signed-in");
    expect(verdict.status === "signed-in" && verdict.note).toMatch(/unchecked/);
  });

  it("a plain JWT (deny-list off) keeps working: nothing on the server is asked", async () => {
    const user = await createUser();
    const scope = withSession(await jwtCookie(user), { strategy: "jwt" });
    startOutage("database", 30);
    const verdict = await readSession(scope);
    expect(verdict.status === "signed-in" && verdict.user.id).toBe(user.id);
  });
});
