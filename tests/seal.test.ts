import type { EmailConfig } from "next-auth/providers";
import { describe, expect, it } from "vitest";
import { COOKIES } from "@/lib/auth/cookies";
import { magicLinkProvider } from "@/lib/auth/providers";
import { readSession } from "@/lib/auth/read";
import { randomToken } from "@/lib/auth/tokens";
import { isSealed, seal, unseal } from "@/lib/crypto/seal";
import { db } from "@/lib/db/client";
import { readMail } from "@/lib/mailbox";
import { keepCopy } from "@/lib/revocation/stolen";
import { createUser } from "./support/fixtures";
import { withSession } from "./support/scope";
import { jwtCookie } from "./support/sessions";

const OTHER_SECRET = "another-server-secret-another-server-secret";

describe("seal / unseal", () => {
  it("round-trips, and the sealed text contains none of the plain text", () => {
    const plain = randomToken(32);
    const sealed = seal(plain, "jwt-key");
    expect(sealed.startsWith("sealed.v1.")).toBe(true);
    expect(sealed).not.toContain(plain);
    expect(unseal(sealed, "jwt-key")).toBe(plain);
    expect(seal(plain, "jwt-key")).not.toBe(sealed); // a fresh IV every time
  });

  it("refuses a value sealed for another purpose, tampered with, or by another AUTH_SECRET", () => {
    const sealed = seal("secret value", "signing-key");
    expect(unseal(sealed, "jwt-key")).toBeNull();
    const i = sealed.length - 5;
    const tampered = sealed.slice(0, i) + (sealed[i] === "A" ? "B" : "A") + sealed.slice(i + 1);
    expect(unseal(tampered, "signing-key")).toBeNull();
    expect(unseal(seal("secret value", "signing-key", OTHER_SECRET), "signing-key")).toBeNull();
    expect(unseal(sealed, "signing-key", OTHER_SECRET)).toBeNull();
  });

  it("refuses plain and malformed values instead of throwing", () => {
    for (const bad of [
      "",
      "plain-secret",
      "sealed.v1.",
      "sealed.v1.abc",
      "sealed.v1.abc.def",
      "sealed.v1...",
    ]) {
      expect(unseal(bad, "mail")).toBeNull();
    }
    expect(isSealed("plain")).toBe(false);
  });
});

describe("live credentials the lab keeps are stored sealed", () => {
  it("a stolen copy holds the session and refresh cookies sealed", async () => {
    const user = await createUser();
    const token = await jwtCookie(user, "jwt-refresh");
    const refresh = randomToken();
    const scope = withSession(token, {
      strategy: "jwt-refresh",
      cookies: { [COOKIES.refresh.name(false)]: refresh },
    });
    const verdict = await readSession(scope);
    if (verdict.status !== "signed-in") throw new Error(`not signed in: ${verdict.status}`);
    const copy = await keepCopy(randomToken(16), verdict, scope);
    const row = await db.stolenCopy.findUniqueOrThrow({ where: { id: copy?.id ?? "" } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(refresh);
    expect(unseal(row.sessionToken, "stolen-copy")).toBe(token);
    expect(unseal(row.refreshToken ?? "", "stolen-copy")).toBe(refresh);
  });

  it("a magic link in the dev mailbox is stored sealed and opened only by the mailbox", async () => {
    const to = `mail-${randomToken(6)}@example.test`;
    const url = `http://localhost:3000/api/auth/callback/email?token=${randomToken()}&email=${to}`;
    const send = magicLinkProvider.sendVerificationRequest as (
      p: Pick<Parameters<EmailConfig["sendVerificationRequest"]>[0], "identifier" | "url" | "expires">,
    ) => Promise<void>;
    await send({ identifier: to, url, expires: new Date(Date.now() + 600_000) });
    const row = await db.mailMessage.findFirstOrThrow({ where: { to } });
    expect(isSealed(row.url)).toBe(true);
    expect(row.url).not.toContain("token=");
    const admin = { id: "admin", email: "i@example.test", name: null, role: "admin" };
    const { messages } = await readMail({ benchId: null, user: admin }, to);
    expect(messages.map((m) => m.url)).toEqual([url]);
  });
});
