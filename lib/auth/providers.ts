import "server-only";
import { CredentialsSignin } from "next-auth";
import type { EmailConfig } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { recordEvent } from "@/lib/audit";
import { now, toAuthTime } from "@/lib/clock";
import { seal } from "@/lib/crypto/seal";
import { db } from "@/lib/db/client";
import { CLIENT_IP_HEADER } from "@/lib/net/forwarding";
import { DUMMY_HASH, HashingBusyError, verifyPassword } from "@/lib/password";
import { refusesPassword } from "@/lib/room/policy";
import { mailOrigin } from "./mail-origin";
import { passwordSucceeded, takePasswordAttempt } from "./rate-limit";

export const MAGIC_LINK_MAX_AGE_S = 15 * 60;
/** RFC 5321's limit on a forward path, which is what an email address must fit in. */
export const MAX_EMAIL_LENGTH = 254;

const passwordForm = z.object({
  email: z.string().trim().toLowerCase().max(MAX_EMAIL_LENGTH).email(),
  password: z.string().min(1).max(200),
  remember: z.enum(["on", "true", "false", "off", "1", "0"]).optional(),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  role: string;
  remember: boolean;
}

/** Too many attempts: the /api/auth route turns this code into HTTP 429 with Retry-After. */
export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

/**
 * Password sign-in. Each attempt takes a rate-limit point before the password is checked; unknown
 * users are checked against a dummy hash so that "no such user" takes as long as "wrong password",
 * and both get the same message: no one can probe for accounts.
 */
export async function checkPassword(input: unknown, ip: string | null): Promise<SignedInUser | null> {
  const parsed = passwordForm.safeParse(input);
  if (!parsed.success) return null;
  const { email, password, remember } = parsed.data;
  if (await takePasswordAttempt(email, ip)) throw new RateLimitedSignIn();
  // A workshop refuses the demo accounts and their public password (lib/room/policy.ts).
  if (refusesPassword(email, password)) return null;
  const user = await db.user.findUnique({ where: { email } });
  let ok: boolean;
  try {
    ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  } catch (error) {
    if (error instanceof HashingBusyError) throw new RateLimitedSignIn();
    throw error;
  }
  if (!user?.passwordHash || !ok) {
    await recordEvent("sign-in-failed", { userId: user?.id, detail: "wrong email or password" });
    return null;
  }
  await passwordSucceeded(email, ip);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    // An unchecked checkbox sends nothing: absent means "do not remember", as in the form.
    remember: remember !== undefined && ["on", "true", "1"].includes(remember),
  };
}

export const passwordProvider = Credentials({
  id: "credentials",
  name: "Password",
  credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" }, remember: {} },
  authorize: (credentials, request) => checkPassword(credentials, request.headers.get(CLIENT_IP_HEADER)),
});

/**
 * Passwordless sign-in through Auth.js's email flow. Instead of SMTP the message goes to the
 * in-app dev mailbox (/mailbox), so it works on a laptop with no network at all. The link is a
 * live credential until used: it is sealed at rest, and the mailbox shows it only to the browser
 * (or the signed-in user) that asked for it. lib/auth/mail-origin.ts says who asked. Over-long
 * addresses are refused by the /api/auth route before Auth.js sees them (its own address checks
 * stay in force: a custom normalizeIdentifier would replace them).
 */
export const magicLinkProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  from: "Session Lab <lab@session-lab.invalid>",
  maxAge: MAGIC_LINK_MAX_AGE_S,
  async sendVerificationRequest({ identifier, url, expires }) {
    const origin = mailOrigin();
    await db.mailMessage.create({
      data: {
        to: identifier,
        subject: "Your Session Lab sign-in link",
        url: seal(url, "mail"),
        expires: toAuthTime(expires),
        createdAt: new Date(now()),
        benchId: origin.benchId,
        requesterId: origin.userId,
      },
    });
  },
};
