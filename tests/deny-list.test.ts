import { randomUUID } from "node:crypto";
import type { JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { denySid, denyUser, isDenied, sweepDenyList } from "@/lib/auth/deny-list";
import { decodeSessionJwt, encodeSessionJwt } from "@/lib/auth/jwt-codec";
import { newTrace, runWithTrace } from "@/lib/auth/trace";
import { nowSeconds, offset, setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

const SALT = "authjs.session-token";
const opts = (enforceDenyList: boolean) => ({ mode: "jwt" as const, enforceDenyList });
const encode = (token: JWT) => encodeSessionJwt({ token, salt: SALT, secret: "" }, opts(true));

async function decode(token: string, enforceDenyList = true) {
  const trace = newTrace();
  const claims = await runWithTrace(trace, () =>
    decodeSessionJwt({ token, salt: SALT, secret: "" }, opts(enforceDenyList)),
  );
  return { claims, trace };
}

/** Claims as the app's sign-in writes them: a stable sid and the sign-in time. */
const signedIn = (sub = `user-${randomUUID()}`) => ({ sub, sid: randomUUID(), authTime: nowSeconds() });

afterEach(async () => {
  await setOffset(0);
});

describe("deny-list by sid", () => {
  it("blocks every token of the denied sign-in, even re-encoded ones", async () => {
    const claims = signedIn();
    const first = await encode(claims);
    expect((await decode(first)).claims).not.toBeNull();
    await denySid(claims.sid, "admin revoked this device");
    const reissued = await encode(claims);
    for (const token of [first, reissued]) {
      const { claims: out, trace } = await decode(token);
      expect(out).toBeNull();
      expect(trace.rejection).toMatch(/sid.*deny-list.*admin revoked this device/);
    }
  });

  it("does not block another sign-in of the same user", async () => {
    const a = signedIn();
    const b = { ...signedIn(a.sub) };
    await denySid(a.sid, "lost phone");
    expect((await decode(await encode(b))).claims?.sid).toBe(b.sid);
  });
});

describe("deny-list by user", () => {
  it("blocks tokens signed in before the entry, not a sign-in after it", async () => {
    const before = signedIn();
    const token = await encode(before);
    await setOffset(2_000);
    await denyUser(before.sub, "password changed");
    const { claims, trace } = await decode(token);
    expect(claims).toBeNull();
    expect(trace.rejection).toMatch(/issued before.*password changed/);

    await setOffset(offset() + 2_000);
    const after = { ...signedIn(before.sub) };
    expect(after.authTime * 1000).toBeGreaterThan(Date.now() + 2_000);
    expect((await decode(await encode(after))).claims?.sub).toBe(before.sub);
  });

  it("refreshing a blocked token does not help: authTime is kept, not iat", async () => {
    const claims = signedIn();
    await setOffset(2_000);
    await denyUser(claims.sub, "suspicious activity");
    await setOffset(4_000);
    const reencoded = await encode(claims); // new iat, old authTime
    expect((await decode(reencoded)).claims).toBeNull();
  });
});

describe("enforceDenyList off", () => {
  it("a plain JWT cannot be revoked: denied tokens still decode", async () => {
    const claims = signedIn();
    const token = await encode(claims);
    await denySid(claims.sid, "revoked");
    await denyUser(claims.sub, "revoked");
    expect((await decode(token, true)).claims).toBeNull();
    const { claims: out, trace } = await decode(token, false);
    expect(out?.sid).toBe(claims.sid);
    expect(trace.rejection).toBeUndefined();
  });
});

describe("entry lifetime", () => {
  it("an entry stops blocking and is swept once the tokens it covers are past the absolute timeout", async () => {
    const check = { sub: `user-${randomUUID()}`, sid: randomUUID(), authTime: nowSeconds() };
    await denySid(check.sid, "gone");
    expect(await isDenied(check)).toMatch(/deny-list/);
    await setOffset(env.AUTH_ABSOLUTE_MAX_AGE * 1000 + 60_000);
    expect(await isDenied(check)).toBeNull();
    expect(await sweepDenyList()).toBeGreaterThanOrEqual(1);
    expect(await db.denyListEntry.count({ where: { value: check.sid } })).toBe(0);
  });
});
