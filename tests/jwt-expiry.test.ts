import { describe, expect, it } from "vitest";
import { CLOCK_TOLERANCE_S, decodeSessionJwt, encodeSessionJwt } from "@/lib/auth/jwt-codec";
import type { JwtMode } from "@/lib/auth/strategy";
import { nowSeconds } from "@/lib/clock";
import { env } from "@/lib/env";
import { claimsFor, SALT } from "./support/sessions";

/** Every decision here names its instant (seconds on the auth clock): no clock is moved. */
const user = { id: "user-exp", email: "e@example.test", name: null, role: "user" };
const t0 = nowSeconds();

async function claimsOf(token: string, mode: JwtMode | "any" = "any", at = t0) {
  const out = await decodeSessionJwt(token, SALT, mode, at);
  if (!out.ok) throw new Error(`${out.limit}: ${out.reason}`);
  return out.claims;
}

describe("lifetimes of a session JWT", () => {
  it("a refresh-mode access token past its lifetime (+2 min, ttl 60 s) is refused as 'access'", async () => {
    const jwe = await encodeSessionJwt(claimsFor(user, "jwt-refresh", t0), SALT, t0);
    expect((await decodeSessionJwt(jwe, SALT, "jwt-refresh", t0)).ok).toBe(true);
    const out = await decodeSessionJwt(jwe, SALT, "jwt-refresh", t0 + 120);
    expect(out).toMatchObject({ ok: false, limit: "access" });
    expect(out.ok ? "" : out.reason).toMatch(/expired/i);
  });

  it("a refresh-mode token keeps an existing exp when re-issued; a plain JWT slides", async () => {
    const exp = t0 + 30;
    const kept = await encodeSessionJwt({ ...claimsFor(user, "jwt-refresh", t0), exp }, SALT, t0);
    expect((await claimsOf(kept)).exp).toBe(exp);
    const slid = await encodeSessionJwt({ ...claimsFor(user, "jwt", t0), exp }, SALT, t0 + 100);
    expect((await claimsOf(slid, "any", t0 + 100)).exp).toBe(t0 + 100 + env.AUTH_SESSION_MAX_AGE);
  });

  it("a new refresh-mode token lives AUTH_ACCESS_TOKEN_TTL", async () => {
    const claims = await claimsOf(await encodeSessionJwt(claimsFor(user, "jwt-refresh", t0), SALT, t0));
    expect(claims.exp).toBe(claims.iat + env.AUTH_ACCESS_TOKEN_TTL);
    expect(claims.mode).toBe("jwt-refresh");
  });

  it("the token's own mode decides: a refresh-mode token is refused in plain JWT mode, and vice versa", async () => {
    const short = await encodeSessionJwt(claimsFor(user, "jwt-refresh", t0), SALT, t0);
    const out = await decodeSessionJwt(short, SALT, "jwt", t0);
    expect(out).toMatchObject({ ok: false, limit: "mode" });
    expect(out.ok ? "" : out.reason).toMatch(/made for the JWT \+ refresh mode/);
    const long = await encodeSessionJwt(claimsFor(user, "jwt", t0), SALT, t0);
    expect(await decodeSessionJwt(long, SALT, "jwt-refresh", t0)).toMatchObject({ ok: false, limit: "mode" });
    // A bearer token has no mode cookie: it is judged in the mode it carries.
    expect((await claimsOf(short, "any")).mode).toBe("jwt-refresh");
  });

  it("exp is capped at authTime + AUTH_ABSOLUTE_MAX_AGE", async () => {
    const authTime = t0 - env.AUTH_ABSOLUTE_MAX_AGE + 30;
    const claims = await claimsOf(await encodeSessionJwt(claimsFor(user, "jwt", authTime), SALT, t0));
    expect(claims.exp).toBe(authTime + env.AUTH_ABSOLUTE_MAX_AGE);
    expect(claims.authTime).toBe(authTime);
  });

  it("a token past the absolute timeout is refused, even inside exp's clock tolerance", async () => {
    const authTime = t0 - env.AUTH_ABSOLUTE_MAX_AGE + 10;
    const jwe = await encodeSessionJwt(claimsFor(user, "jwt", authTime), SALT, t0);
    // 5 s past the capped exp: jose's 15 s tolerance would still accept it; the codec must not.
    const out = await decodeSessionJwt(jwe, SALT, "jwt", t0 + 15);
    expect(out).toMatchObject({ ok: false, limit: "absolute" });
    expect(out.ok ? "" : out.reason).toMatch(/absolute timeout/);
  });

  it("a plain JWT is accepted up to its exp plus the clock tolerance, then refused as 'idle'", async () => {
    const jwe = await encodeSessionJwt(claimsFor(user, "jwt", t0), SALT, t0);
    const exp = t0 + env.AUTH_SESSION_MAX_AGE;
    expect((await decodeSessionJwt(jwe, SALT, "jwt", exp + CLOCK_TOLERANCE_S - 1)).ok).toBe(true);
    expect(await decodeSessionJwt(jwe, SALT, "jwt", exp + CLOCK_TOLERANCE_S)).toMatchObject({
      ok: false,
      limit: "idle",
    });
  });
});
