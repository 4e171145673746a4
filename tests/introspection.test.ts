import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// lib/env.ts reads the environment once, when first imported: the secret must be there before.
const SECRET = vi.hoisted(() => {
  const secret = "introspection-test-client-secret-0123456789";
  process.env.SERVICE_CLIENT_SECRET = secret;
  return secret;
});

import { POST } from "@/app/api/introspect/route";
import { mintAccessToken } from "@/lib/auth/access-tokens";
import { COOKIES } from "@/lib/auth/cookies";
import { denySid, setDenyListEnforced } from "@/lib/auth/deny-list";
import { encodeSessionJwt } from "@/lib/auth/jwt-codec";
import { readSession } from "@/lib/auth/read";
import { scopeFrom } from "@/lib/auth/scope";
import { createSessionRow } from "@/lib/auth/session-rows";
import type { SignedIn } from "@/lib/auth/strategies/types";
import { randomToken, sha256 } from "@/lib/auth/tokens";
import { nowSeconds } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { endOutage, startOutage } from "@/lib/store/gate";
import { createUser } from "./support/fixtures";

/**
 * POST /api/introspect as the orders service calls it: HTTP Basic as "orders", a form with the
 * token. Every answer the service can get is pinned here: active, inactive (unknown, revoked,
 * deny-listed, not a session credential), refused client, and 503 while a store is down.
 */
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

async function ask(token: string, authorization: string | null = basic("orders", SECRET)) {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  if (authorization) headers.set("authorization", authorization);
  const res = await POST(
    new NextRequest("http://localhost/api/introspect", {
      method: "POST",
      headers,
      body: new URLSearchParams({ token }).toString(),
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

const scope = (bearer?: string) =>
  scopeFrom(new Headers(bearer ? { authorization: `Bearer ${bearer}` } : {}), new Map());
let user: Awaited<ReturnType<typeof createUser>>;

async function databaseToken() {
  return (await createSessionRow(scope(), { userId: user.id, persistent: true })).sessionToken;
}

function jwtToken(secure = false) {
  const at = nowSeconds();
  const claims = { sub: user.id, email: user.email, name: user.name, role: user.role, authTime: at };
  return encodeSessionJwt({ ...claims, sid: randomToken(16), mode: "jwt" }, COOKIES.session.name(secure), at);
}

beforeAll(async () => {
  user = await createUser();
  await setDenyListEnforced(false);
});
afterEach(() => endOutage("database"));

describe("client authentication", () => {
  it.each([
    ["no credentials", null],
    ["a wrong secret", basic("orders", `${SECRET}x`)],
    ["a truncated secret", basic("orders", SECRET.slice(0, 12))],
    ["an empty secret", basic("orders", "")],
    ["another client id", basic("billing", SECRET)],
    ["a bearer token", `Bearer ${SECRET}`],
  ])("refuses %s with 401 invalid_client", async (_what, authorization) => {
    const { status, body, headers } = await ask(await databaseToken(), authorization);
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: "invalid_client" });
    expect(body).not.toHaveProperty("active");
    expect(headers.get("www-authenticate")).toMatch(/^Basic /);
  });

  it("answers 400 without a token field, never a 500", async () => {
    expect((await ask("")).status).toBe(400);
  });
});

describe("answers", () => {
  it("a live database session id is active, with its owner and wall-clock times", async () => {
    const { status, body, headers } = await ask(await databaseToken());
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toContain("no-store");
    expect(body).toMatchObject({
      active: true,
      sub: user.id,
      username: user.email,
      token_type: "Bearer",
      session_mode: "database",
    });
    expect(body.exp).toBeGreaterThan(Date.now() / 1000);
  });

  it("an unknown id, garbage, and a revoked session's id are inactive", async () => {
    expect((await ask(randomToken())).body).toEqual({ active: false });
    expect((await ask("not a token at all!")).body).toEqual({ active: false });
    const token = await databaseToken();
    expect((await ask(token)).body.active).toBe(true);
    await db.session.deleteMany({ where: { sessionToken: sha256(token) } });
    expect((await ask(token)).body).toEqual({ active: false }); // at once: the row is gone
  });

  it("a session JWE is judged in the mode it carries, whichever cookie name it was made for", async () => {
    for (const secure of [false, true]) {
      const { body } = await ask(await jwtToken(secure));
      expect(body).toMatchObject({ active: true, sub: user.id, session_mode: "jwt" });
    }
  });

  it("a deny-listed JWE is inactive even while the server-wide deny-list check is off", async () => {
    const token = await jwtToken();
    const verdict = await readSession(scope(token));
    expect(verdict.status).toBe("signed-in");
    await denySid((verdict as SignedIn).claims?.sid ?? "", "introspection test");
    // The app's own pages (check off) still accept it; a service asking the app does not.
    expect((await readSession(scope(token))).status).toBe("signed-in");
    expect((await ask(token)).body).toEqual({ active: false });
  });

  it("a signed access token is not a session credential: inactive (services verify those themselves)", async () => {
    const verdict = await readSession(scope(await databaseToken()));
    const minted = await mintAccessToken(verdict as SignedIn);
    expect((await ask(minted.token)).body).toEqual({ active: false });
  });

  it("answers 503, never active, while the store is down", async () => {
    const session = await databaseToken();
    const jwe = await jwtToken(); // its deny-list lives in the database here (no REDIS_URL)
    startOutage("database", 30);
    for (const token of [session, jwe]) {
      const { status, body, headers } = await ask(token);
      expect(status).toBe(503);
      expect(body).toMatchObject({ error: "temporarily_unavailable" });
      expect(body).not.toHaveProperty("active");
      expect(headers.get("retry-after")).toBe("5");
    }
    endOutage("database");
    expect((await ask(session)).body.active).toBe(true);
  });
});
