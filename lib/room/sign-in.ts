import "server-only";
import { z } from "zod";
import { recordEvent } from "@/lib/audit";
import type { SignedInUser } from "@/lib/auth/providers";
import { parseCookieHeader } from "@/lib/auth/scope";
import { instructorAccount, isInstructorSecret } from "./instructor";
import { givePointBack, takePoint } from "./limits";
import { isWorkshop } from "./mode";
import { keyFromScope, participantByKey } from "./participants";

/**
 * The checks behind the room's two Auth.js Credentials providers (lib/room/providers.ts). They
 * return the user to sign in, or null (Auth.js answers CredentialsSignin), or throw the
 * provider's rate-limit error. Kept apart from Auth.js so they can be tested on their own.
 */
export class RoomRateLimited extends Error {
  constructor(readonly retryAfterS: number) {
    super("Too many attempts.");
  }
}

/** A participant signs in with nothing to type: the key this browser holds in its HttpOnly cookie. */
export async function authorizeParticipant(cookieHeader: string | null): Promise<SignedInUser | null> {
  if (!isWorkshop()) return null;
  const participant = await participantByKey(keyFromScope({ cookies: parseCookieHeader(cookieHeader) }));
  if (!participant) return null;
  return {
    id: participant.id,
    email: participant.email,
    name: participant.name,
    role: "user",
    remember: true,
  };
}

const secretForm = z.object({ secret: z.string().min(1).max(200) });

/** The instructor's secret, rate limited per address and in all before it is even compared. */
export async function authorizeInstructor(input: unknown, ip: string | null): Promise<SignedInUser | null> {
  if (!isWorkshop()) return null;
  const parsed = secretForm.safeParse(input);
  if (!parsed.success) return null;
  const waits = [await takePoint("instructorAddress", ip), await takePoint("instructorAll", "instructor")];
  const wait = Math.max(...waits.map((w) => w ?? 0));
  if (wait > 0) throw new RoomRateLimited(wait);
  if (!(await isInstructorSecret(parsed.data.secret))) {
    await recordEvent("sign-in-failed", { detail: "wrong instructor secret" });
    return null;
  }
  await Promise.all([givePointBack("instructorAddress", ip), givePointBack("instructorAll", "instructor")]);
  const admin = await instructorAccount();
  return { id: admin.id, email: admin.email, name: admin.name, role: "admin", remember: true };
}
