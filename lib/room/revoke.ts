import "server-only";
import { recordEvent } from "@/lib/audit";
import { recordRevocation } from "@/lib/revocation/events";
import { revokeSession } from "@/lib/sessions";

/** The instructor deletes one session row of one participant; the timelines and the replay timer hear of it. */
export async function deleteSessionOf(userId: string, hash: string): Promise<number> {
  const n = await revokeSession(userId, hash);
  if (n === 0) return 0;
  await recordRevocation(userId, "admin", null);
  await recordEvent("revoked", {
    userId,
    strategy: "database",
    detail: "the instructor deleted a session row",
  });
  return n;
}
