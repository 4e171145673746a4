import "server-only";
import { mailOrigin } from "@/lib/auth/mail-origin";
import { db } from "@/lib/db/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo-accounts";
import { isWorkshop } from "./mode";

/**
 * What a workshop refuses that a solo demo allows. The demo accounts' password is printed on the
 * sign-in page and in the README: in a room, anyone could be "alice" or the instructor with it.
 */
const DEMO_EMAILS: ReadonlySet<string> = new Set(DEMO_ACCOUNTS.map((a) => a.email));

export function refusesPassword(email: string, password: string): boolean {
  return isWorkshop() && (DEMO_EMAILS.has(email) || password === DEMO_PASSWORD);
}

/**
 * Magic links in a workshop. The mailbox shows a link to the browser that asked for it, so if
 * anyone could ask for anyone's link, participant B would receive a sign-in link for A. Here a link
 * is sent only to a participant who is signed in and asks for their own address (to try the
 * magic-link flow), and it can only sign in an existing participant: no accounts appear by email.
 */
export async function workshopMagicLinkAllowed(
  email: string,
  verificationRequest: boolean,
): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, kind: true },
  });
  if (user?.kind !== "participant") return false;
  return verificationRequest ? mailOrigin().userId === user.id : true;
}
