import { afterEach, describe, expect, it } from "vitest";
import { checkDenyList, denySid, denyUser, setDenyListEnforced } from "@/lib/auth/deny-list";
import { encodeSessionJwt } from "@/lib/auth/jwt-codec";
import { readSession } from "@/lib/auth/read";
import { nowSeconds, offset, setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createUser } from "./support/fixtures";
import { withSession } from "./support/scope";
import { claimsFor, SALT } from "./support/sessions";

/** A JWT-mode request carrying `token`, read by the app's read path. */
const read = (token: string) => readSession(withSession(token, { strategy: "jwt" }));

async function signedIn() {
  const user = await createUser();
  const claims = claimsFor(user, "jwt");
  return { user, claims, token: await encodeSessionJwt(claims, SALT, nowSeconds()) };
}

afterEach(async () => {
  await setDenyListEnforced(false);
  await setOffset(0);
});

describe("deny-list by sid", () => {
  it("blocks every token of the denied sign-in, even re-issued ones", async () => {
    await setDenyListEnforced(true);
    const { claims, token } = await signedIn();
    expect((await read(token)).status).toBe("signed-in");
    await denySid(claims.sid, "admin revoked this device");
    const reissued = await encodeSessionJwt(claims, SALT, nowSeconds());
    for (const t of [token, reissued]) {
      const verdict = await read(t);
      expect(verdict).toMatchObject({ status: "signed-out", limit: "deny-list" });
      expect(verdict.status === "signed-out" && verdict.reason).toMatch(
        /sid.*deny-list.*admin revoked this device/,
      );
    }
  });

  it("does not block another sign-in of the same user", async () => {
    const { user, claims } = await signedIn();
    await denySid(claims.sid, "lost phone");
    const other = claimsFor(user, "jwt");
    expect(await checkDenyList(other)).toEqual({ denied: false });
    expect((await checkDenyList(claims)).denied).toBe(true);
  });
});

describe("deny-list by user", () => {
  it("blocks tokens signed in before the entry, not a sign-in after it", async () => {
    const { user, claims } = await signedIn();
    await setOffset(2_000);
    await denyUser(user.id, "password changed");
    const verdict = await checkDenyList(claims);
    expect(verdict.denied && verdict.reason).toMatch(/issued before.*password changed/);

    await setOffset(offset() + 2_000);
    const after = claimsFor(user, "jwt");
    expect(after.authTime * 1000).toBeGreaterThan(Date.now() + 2_000);
    expect(await checkDenyList(after)).toEqual({ denied: false });
  });

  it("re-issuing a blocked token does not help: authTime is kept, not iat", async () => {
    await setDenyListEnforced(true);
    const { user, claims } = await signedIn();
    await setOffset(2_000);
    await denyUser(user.id, "suspicious activity");
    await setOffset(4_000);
    const reissued = await encodeSessionJwt(claims, SALT, nowSeconds()); // new iat, old authTime
    expect(await read(reissued)).toMatchObject({ status: "signed-out", limit: "deny-list" });
  });
});

describe("deny-list enforcement off", () => {
  it("a plain JWT cannot be revoked: denied tokens are still accepted", async () => {
    const { user, claims, token } = await signedIn();
    await denySid(claims.sid, "revoked");
    await denyUser(user.id, "revoked");
    await setDenyListEnforced(true);
    expect((await read(token)).status).toBe("signed-out");
    await setDenyListEnforced(false);
    const verdict = await read(token);
    expect(verdict.status === "signed-in" && verdict.claims?.sid).toBe(claims.sid);
  });
});

describe("entry lifetime", () => {
  it("an entry stops blocking, and is swept, once the tokens it covers are past the absolute timeout", async () => {
    const { claims } = await signedIn();
    await denySid(claims.sid, "gone");
    expect((await checkDenyList(claims)).denied).toBe(true);
    await setOffset(env.AUTH_ABSOLUTE_MAX_AGE * 1000 + 60_000);
    expect(await checkDenyList(claims)).toEqual({ denied: false });
    await denySid(`another-${claims.sid}`, "a later entry sweeps the dead ones");
    expect(await db.denyListEntry.count({ where: { value: claims.sid } })).toBe(0);
  });
});
