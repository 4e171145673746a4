import { describe, expect, it } from "vitest";
import { COOKIES } from "@/lib/auth/cookies";
import { STRATEGY_MODULES } from "@/lib/auth/strategies";
import { STRATEGIES, type Strategy } from "@/lib/auth/strategy";
import { sha256 } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/password";
import { callAuth, signInWithPassword } from "./support/authjs";
import { createUser } from "./support/fixtures";

const SESSION = COOKIES.session.name(false);
const PASSWORD = "correct horse battery staple";

// One scrypt hash for every user of this file: hashing is the slow part, and not under test here.
const passwordHash = hashPassword(PASSWORD);

async function userWithPassword() {
  const user = await createUser();
  return db.user.update({ where: { id: user.id }, data: { passwordHash: await passwordHash } });
}

async function sessionJson(strategy: Strategy, value: string) {
  const answer = await callAuth("/session", { strategy, cookies: { [SESSION]: value } });
  expect(answer.res.status).toBe(200);
  return (await answer.res.json()) as Record<string, unknown> | null;
}

describe.each(STRATEGIES)("Auth.js with the lab's config, %s mode", (strategy) => {
  const database = STRATEGY_MODULES[strategy].nextAuth === "database";

  it("a password sign-in sets the mode's session cookie", async () => {
    const user = await userWithPassword();
    const answer = await signInWithPassword(strategy, user.email, PASSWORD);
    expect(answer.res.status).toBe(302);
    const value = answer.cookie(SESSION) ?? "";
    if (database) {
      expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/); // an opaque id: 32 random bytes
      const row = await db.session.findUnique({ where: { sessionToken: sha256(value) } });
      expect(row?.userId).toBe(user.id);
    } else {
      expect(value.split(".")).toHaveLength(5); // a JWE
      expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    }
    const refresh = answer.cookie(COOKIES.refresh.name(false));
    expect(refresh !== null).toBe(strategy === "jwt-refresh"); // added through the cookie bag
  });

  it("GET /session returns exactly {expires, user:{id,name,email,image,role}}, nothing secret", async () => {
    const user = await userWithPassword();
    const value = (await signInWithPassword(strategy, user.email, PASSWORD)).cookie(SESSION) ?? "";
    const body = await sessionJson(strategy, value);
    expect(Object.keys(body ?? {}).sort()).toEqual(["expires", "user"]);
    const shown = body?.user as Record<string, unknown>;
    expect(Object.keys(shown).sort()).toEqual(["email", "id", "image", "name", "role"]);
    expect(shown).toMatchObject({ id: user.id, email: user.email, name: user.name, role: "user" });
    const json = JSON.stringify(body);
    for (const secret of [value, sha256(value), user.passwordHash ?? "", "scrypt$"])
      expect(json).not.toContain(secret);
  });
});

describe("a session cookie is read only in the mode it was made for", () => {
  it.each<[Strategy, Strategy]>([
    ["jwt", "jwt-refresh"],
    ["jwt-refresh", "jwt"],
    ["database", "jwt"],
  ])("a %s cookie sent in %s mode gives a null session", async (madeIn, sentIn) => {
    const user = await userWithPassword();
    const value = (await signInWithPassword(madeIn, user.email, PASSWORD)).cookie(SESSION) ?? "";
    expect(await sessionJson(madeIn, value)).not.toBeNull();
    expect(await sessionJson(sentIn, value)).toBeNull();
  });
});

it("a wrong password sets no session cookie and creates no session", async () => {
  const user = await userWithPassword();
  const answer = await signInWithPassword("database", user.email, "wrong password");
  expect(answer.cookie(SESSION)).toBeNull();
  expect(answer.res.headers.get("location") ?? "").toMatch(/error=CredentialsSignin/);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
});
