import { afterEach, describe, expect, it } from "vitest";
import { COOKIES } from "@/lib/auth/cookies";
import { decodeSessionJwt } from "@/lib/auth/jwt-codec";
import { keepAlive } from "@/lib/auth/keep-alive";
import { lifetimes } from "@/lib/auth/lifetimes";
import { readSession } from "@/lib/auth/read";
import { startRefreshFamily } from "@/lib/auth/refresh";
import { STRATEGY_MODULES } from "@/lib/auth/strategies";
import { readSessionRow } from "@/lib/auth/strategies/database";
import { atFixedTime, nowSeconds, setOffset } from "@/lib/clock";
import { createUser } from "./support/fixtures";
import { testScope, withSession } from "./support/scope";
import { databaseCookie, jwtCookie, SALT } from "./support/sessions";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

afterEach(() => setOffset(0));

describe("one request, one instant", () => {
  it("a clock jump mid-request changes nothing for that request: decode and re-issue use its instant", async () => {
    const user = await createUser();
    const t0 = nowSeconds();
    // Issued 10 minutes ago: old enough (updateAge 5 min) that this request re-issues it.
    const scope = withSession(await jwtCookie(user, "jwt", t0 - 600), { strategy: "jwt" });
    await atFixedTime(async () => {
      const at = nowSeconds();
      await setOffset(9 * HOUR); // the instructor's "+9 h", landing while the request runs
      expect(nowSeconds()).toBe(at);
      const verdict = await readSession(scope);
      if (verdict.status !== "signed-in") throw new Error(`refused: ${verdict.status}`);
      const renewal = await STRATEGY_MODULES.jwt.renew(verdict, scope);
      const token = /authjs\.session-token=([^;]+)/.exec(renewal?.setCookies[0] ?? "")?.[1] ?? "";
      const reissued = await decodeSessionJwt(token, SALT, "jwt", at);
      expect(reissued.ok && reissued.claims.iat).toBe(at);
      expect(reissued.ok && reissued.claims.exp).toBe(at + lifetimes().idleS);
    });
    // The next request sees the jump: 9 h idle is past the 8 h idle timeout.
    expect(await readSession(scope)).toMatchObject({ status: "signed-out", limit: "idle" });
  });
});

describe("after +9 h (past the idle timeout)", () => {
  it("a plain JWT signed in at t0 is refused as idle, and nothing can re-issue it", async () => {
    const user = await createUser();
    const token = await jwtCookie(user, "jwt");
    const scope = withSession(token, { strategy: "jwt" });
    await setOffset(9 * HOUR);
    expect(await readSession(scope)).toMatchObject({ status: "signed-out", limit: "idle" });
    expect(await keepAlive(scope)).toBeNull(); // the proxy sets no fresh cookie
    expect(await STRATEGY_MODULES.jwt.decode(token, SALT)).toBeNull(); // nor does Auth.js's stock path
  });

  it("in refresh mode, a refresh token unused longer than the idle timeout is refused", async () => {
    expect(lifetimes().refreshS).toBe(lifetimes().idleS); // one set of lifetimes: refresh TTL = idle
    const user = await createUser();
    const stale = await startRefreshFamily(user.id, "sid-stale", true);
    const fresh = await startRefreshFamily(user.id, "sid-fresh", true);
    const scopeWith = (raw: string) =>
      testScope({ strategy: "jwt-refresh", cookies: { [COOKIES.refresh.name(false)]: raw } });
    const prepare = (raw: string) => STRATEGY_MODULES["jwt-refresh"].prepare?.(scopeWith(raw)) ?? null;

    await setOffset(lifetimes().idleS * 1000 - 60_000);
    const renewed = await prepare(fresh.token);
    expect(renewed?.cookies?.get(COOKIES.session.name(false))).toBeTruthy();

    await setOffset(lifetimes().idleS * 1000 + 60_000);
    const refused = await prepare(stale.token);
    expect(refused?.cookies?.has(COOKIES.refresh.name(false))).toBe(false);
    expect(refused?.setCookies.some((l) => /^session-lab\.refresh-token=;.*Max-Age=0/.test(l))).toBe(true);
  });
});

describe("after +8 days (past the absolute timeout)", () => {
  it("a JWT's refusal names the absolute timeout", async () => {
    const user = await createUser();
    const scope = withSession(await jwtCookie(user, "jwt"), { strategy: "jwt" });
    await setOffset(8 * DAY);
    expect(await readSession(scope)).toMatchObject({ status: "signed-out", limit: "absolute" });
  });

  it("a database row's refusal names the absolute timeout too", async () => {
    const user = await createUser();
    const token = await databaseCookie(user);
    await setOffset(8 * DAY);
    expect(await readSessionRow(token, "cookie")).toMatchObject({ status: "signed-out", limit: "absolute" });
  });
});
