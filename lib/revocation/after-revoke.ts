import "server-only";
import { getAuthState } from "@/lib/auth/state";
import { attackerTriesNow } from "./attacker";
import { recordRevocation, type Technique } from "./events";

/**
 * Every revocation action ends here: record it, then let the lab's attacker replay the newest
 * stolen copy at once. Returns the message for the user, with the attacker's outcome appended.
 */
export async function revokedWith(userId: string, technique: Technique, message: string): Promise<string> {
  await recordRevocation(userId, technique);
  const verdict = await attackerTriesNow(userId, (await getAuthState()).ctx);
  return verdict ? `${message} ${verdict}` : message;
}
