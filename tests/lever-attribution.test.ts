import { describe, expect, it } from "vitest";
import type { LeverId } from "@/lib/auth/strategies/types";
import type { Strategy } from "@/lib/auth/strategy";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { latestRevocation, recordRevocation, recordRevocationForAll } from "@/lib/revocation/events";
import { createUser } from "./support/fixtures";

/**
 * "Time to revocation" on the stolen-copy panel credits the lever that stopped the copy. Defect
 * fixed: any lever pulled after the copy was credited, so a key rotation was said to have stopped
 * a database session, and deleting a row to have stopped a JWT.
 */
async function afterPulling(levers: [LeverId, Strategy | null][], copyMode: Strategy) {
  const user = await createUser();
  const copiedAt = new Date(now() - 1000);
  for (const [lever, mode] of levers) await recordRevocation(user.id, lever, mode);
  return (await latestRevocation(user.id, copiedAt, copyMode))?.technique ?? null;
}

describe("which lever is credited with stopping a replayed copy", () => {
  it.each<LeverId>(["hard-rotation", "grace-rotation", "deny-sid", "deny-user", "family-revoke"])(
    "a database-mode copy is never credited to %s",
    async (lever) => {
      expect(await afterPulling([[lever, null]], "database")).toBeNull();
      expect(await afterPulling([[lever, "database"]], "database")).toBeNull();
    },
  );

  it("a JWT copy is never credited to deleting a session row", async () => {
    expect(await afterPulling([["db-revoke", "database"]], "jwt")).toBeNull();
    expect(await afterPulling([["db-revoke", null]], "jwt")).toBeNull();
    expect(await afterPulling([["db-revoke", "jwt"]], "jwt-refresh")).toBeNull();
  });

  it("a lever pulled on another mode's session is ignored, even one that applies to both", async () => {
    expect(await afterPulling([["sign-out", "database"]], "jwt")).toBeNull();
    expect(await afterPulling([["sign-out", "jwt"]], "database")).toBeNull();
    expect(await afterPulling([["admin", "jwt-refresh"]], "cookie-cache")).toBeNull();
  });

  it("the latest applicable lever is credited, skipping later ones that do not apply", async () => {
    const credited = await afterPulling(
      [
        ["db-revoke", "database"],
        ["hard-rotation", null],
        ["deny-sid", "jwt"],
      ],
      "database",
    );
    expect(credited).toBe("db-revoke");
    expect(await afterPulling([["deny-sid", "jwt"]], "jwt")).toBe("deny-sid");
    expect(await afterPulling([["sign-out", "cookie-cache"]], "cookie-cache")).toBe("sign-out");
  });

  it("a server-wide key rotation is credited for JWT copies of every user with a copy", async () => {
    const user = await createUser();
    const copiedAt = new Date(now() - 1000);
    await db.stolenCopy.create({
      data: { ownerId: "bench-h", userId: user.id, strategy: "jwt", sessionToken: "sealed.v1.x.y" },
    });
    await recordRevocationForAll("hard-rotation");
    expect((await latestRevocation(user.id, copiedAt, "jwt"))?.technique).toBe("hard-rotation");
    expect(await latestRevocation(user.id, copiedAt, "database")).toBeNull();
  });

  it("levers pulled before the copy was taken, and unknown modes, credit nothing", async () => {
    const user = await createUser();
    await recordRevocation(user.id, "deny-sid", "jwt");
    expect(await latestRevocation(user.id, new Date(now() + 60_000), "jwt")).toBeNull();
    expect(await latestRevocation(user.id, new Date(0), "not-a-mode")).toBeNull();
  });
});
