import "server-only";
import type { EmailConfig } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { now, toAuthTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { DUMMY_HASH, verifyPassword } from "@/lib/password";

export const MAGIC_LINK_MAX_AGE_S = 15 * 60;

const passwordForm = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
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

/**
 * Password sign-in. Unknown users are checked against a dummy hash so that "no such user" takes
 * as long as "wrong password", and both get the same message: no one can probe for accounts.
 */
export async function checkPassword(input: unknown): Promise<SignedInUser | null> {
  const parsed = passwordForm.safeParse(input);
  if (!parsed.success) return null;
  const { email, password, remember } = parsed.data;
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user?.passwordHash || !ok) return null;
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
  authorize: (credentials) => checkPassword(credentials),
});

/**
 * Passwordless sign-in through Auth.js's email flow. Instead of SMTP the message goes to the
 * in-app dev mailbox (/mailbox), so it works on a laptop with no network at all.
 */
export const magicLinkProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  from: "Session Lab <lab@session-lab.invalid>",
  maxAge: MAGIC_LINK_MAX_AGE_S,
  async sendVerificationRequest({ identifier, url, expires }) {
    await db.mailMessage.create({
      data: {
        to: identifier,
        subject: "Your Session Lab sign-in link",
        url,
        expires: toAuthTime(expires),
        createdAt: new Date(now()),
      },
    });
  },
};
