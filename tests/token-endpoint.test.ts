import { randomBytes, randomUUID } from "node:crypto";
import { createLocalJWKSet, jwtVerify } from "jose";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as accessPost } from "@/app/api/token/access/route";
import { POST as revokePost } from "@/app/api/token/revoke/route";
import { POST as tokenPost } from "@/app/api/token/route";
import { device } from "@/features/ui/device";
import { createAccount } from "@/lib/accounts";
import { COOKIES } from "@/lib/auth/cookies";
import { readSession } from "@/lib/auth/read";
import { mintFromRefresh } from "@/lib/auth/refresh-tokens";
import { scopeFrom } from "@/lib/auth/scope";
import { publishedJwks } from "@/lib/auth/signing-keys";
import { sha256 } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { CLIENT_IP_HEADER } from "@/lib/net/forwarding";

/**
 * The endpoints a client without cookies (the CLI) lives on: POST /api/token signs in with the
 * password grant and gets a real session of the mode it asked for; /api/token/access trades it
 * for a signed access token; /api/token/revoke ends what can be ended.
 */
const PASSWORD = "correct horse battery";
const CLI = "session-lab-cli/0.1.0 (node 20; linux)";
// A client address of its own, so the per-address sign-in count is this file's alone.
const IP = `198.51.100.${randomBytes(1)[0]}`;
let email: string;

function post(
  handler: (req: NextRequest) => Promise<Response>,
  path: string,
  body: string,
  o: { type?: string; bearer?: string } = {},
) {
  const headers = new Headers({
    "content-type": o.type ?? "application/json",
    "user-agent": CLI,
    [CLIENT_IP_HEADER]: IP,
  });
  if (o.bearer) headers.set("authorization", `Bearer ${o.bearer}`);
  return handler(new NextRequest(`http://localhost${path}`, { method: "POST", headers, body }));
}

async function signIn(fields: Record<string, unknown>) {
  const res = await post(tokenPost, "/api/token", JSON.stringify(fields));
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, string> };
}
const grant = (mode: string, password = PASSWORD) =>
  signIn({ grant_type: "password", username: email, password, mode });

const asBearer = (token: string) =>
  readSession(scopeFrom(new Headers({ authorization: `Bearer ${token}` }), new Map()));

async function revoke(token: string, hint?: string) {
  const form = new URLSearchParams({ token, ...(hint ? { token_type_hint: hint } : {}) });
  const res = await post(revokePost, "/api/token/revoke", form.toString(), {
    type: "application/x-www-form-urlencoded",
  });
  return { status: res.status, body: (await res.json()) as { revoked: string; note: string } };
}

beforeAll(async () => {
  const created = await createAccount({
    email: `cli-${randomUUID()}@example.test`,
    password: PASSWORD,
    role: "user",
  });
  if (!created.ok) throw new Error(created.error);
  email = created.email;
});

describe("POST /api/token", () => {
  it.each([
    ["a form body", "grant_type=password", "application/x-www-form-urlencoded", "invalid_request"],
    ["broken JSON", "{", "application/json", "invalid_request"],
    ["missing fields", "{}", "application/json", "invalid_request"],
    [
      "an unknown mode",
      '{"grant_type":"password","username":"a","password":"b","mode":"x"}',
      undefined,
      "invalid_request",
    ],
    [
      "another grant",
      '{"grant_type":"client_credentials","username":"a","password":"b"}',
      undefined,
      "unsupported_grant_type",
    ],
  ])("answers %s with 400 %s", async (_what, body, type, error) => {
    const res = await post(tokenPost, "/api/token", body, { type });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error });
  });

  it("refuses a wrong password with invalid_grant", async () => {
    const { status, body } = await grant("database", "wrong password");
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "invalid_grant", error_description: "Wrong email or password." });
  });

  it("database mode: a real session row, shown as the CLI, that the read path accepts as a bearer", async () => {
    const { status, body, headers } = await grant("database");
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toContain("no-store");
    expect(body).toMatchObject({ token_type: "Bearer", session_mode: "database" });
    expect(body.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.session.findUniqueOrThrow({
      where: { sessionToken: sha256(body.access_token ?? "") },
    });
    expect(device(row.userAgent)).toBe("Session Lab CLI 0.1.0");
    const verdict = await asBearer(body.access_token ?? "");
    expect(verdict).toMatchObject({ status: "signed-in", strategy: "database", via: "bearer" });
  });

  it("jwt mode: a session JWE, judged in its own mode", async () => {
    const { body } = await grant("jwt");
    expect(body.access_token?.split(".")).toHaveLength(5);
    expect(body.refresh_token).toBeUndefined();
    expect(await asBearer(body.access_token ?? "")).toMatchObject({ status: "signed-in", strategy: "jwt" });
  });

  it("jwt-refresh mode: a short access JWE and a refresh token that renews it", async () => {
    const { body } = await grant("jwt-refresh");
    expect(Number(body.expires_in)).toBeLessThanOrEqual(60);
    expect(await asBearer(body.access_token ?? "")).toMatchObject({ strategy: "jwt-refresh" });
    const renewed = await mintFromRefresh(body.refresh_token ?? "", COOKIES.session.name(false));
    expect(renewed.ok).toBe(true);
  });

  it("counts failures like the sign-in form: 429 with Retry-After once the account's limit is reached", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await grant("database", `wrong-${i}`)).status);
    expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
    const limited = await grant("database");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body.error).toBe("slow_down");
    // Let the other tests sign in again: clear this account's and this address's counters only.
    const mine = [sha256(email), sha256(IP)].map((h) => ({ key: { endsWith: h } }));
    await db.rateLimiterFlexible.deleteMany({ where: { OR: mine } });
  });
});

describe("POST /api/token/access", () => {
  it("trades any mode's session for a signed access token the JWKS verifies", async () => {
    for (const mode of ["database", "jwt", "jwt-refresh"]) {
      const { body } = await grant(mode);
      const res = await post(accessPost, "/api/token/access", "", { bearer: body.access_token });
      const minted = (await res.json()) as { access_token: string; kid: string; expires_in: number };
      expect(res.status).toBe(200);
      const { payload, protectedHeader } = await jwtVerify(
        minted.access_token,
        createLocalJWKSet(await publishedJwks()),
        { audience: "orders", algorithms: ["ES256"] },
      );
      expect(protectedHeader.kid).toBe(minted.kid);
      expect(payload).toMatchObject({ email, role: "user" });
      expect(payload.sid === undefined).toBe(mode === "database");
    }
  });

  it("answers 401 with a reason when no session comes with the request", async () => {
    const res = await post(accessPost, "/api/token/access", "", { bearer: "x".repeat(43) });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("invalid_token");
  });
});

describe("POST /api/token/revoke", () => {
  it("database: deletes the row, and the token is refused at once", async () => {
    const { body } = await grant("database");
    expect((await revoke(body.access_token ?? "")).body.revoked).toBe("session");
    expect((await asBearer(body.access_token ?? "")).status).toBe("signed-out");
  });

  it("jwt-refresh: revokes the family, so the refresh token renews nothing", async () => {
    const { body } = await grant("jwt-refresh");
    expect((await revoke(body.refresh_token ?? "", "refresh_token")).body.revoked).toBe("refresh-family");
    expect((await mintFromRefresh(body.refresh_token ?? "", COOKIES.session.name(false))).ok).toBe(false);
  });

  it("jwt: says plainly that nothing can be revoked, and the token still works", async () => {
    const { body } = await grant("jwt");
    const { status, body: answer } = await revoke(body.access_token ?? "");
    expect(status).toBe(200);
    expect(answer.revoked).toBe("nothing");
    expect(answer.note).toMatch(/stays valid until its exp/);
    expect((await asBearer(body.access_token ?? "")).status).toBe("signed-in");
  });

  it("an unknown token is not an error (RFC 7009), a missing one is", async () => {
    expect((await revoke("x".repeat(43))).body.revoked).toBe("nothing");
    const res = await post(revokePost, "/api/token/revoke", "", {
      type: "application/x-www-form-urlencoded",
    });
    expect(res.status).toBe(400);
  });
});
