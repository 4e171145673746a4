import "server-only";
import type { RequestContext } from "@/lib/auth/request";
import { db } from "@/lib/db/client";
import { replayCopy } from "./stolen";

/** Right after a revocation, the attacker replays the newest copy of that user's cookie. */
export async function attackerTriesNow(userId: string, ctx: RequestContext): Promise<string | null> {
  const copy = await db.stolenCopy.findFirst({ where: { userId }, orderBy: { createdAt: "desc" } });
  if (!copy) return null;
  const replay = await replayCopy(copy.ownerId, copy.id, ctx);
  if (!replay) return null;
  return replay.accepted
    ? "The attacker replayed the stolen copy at once: still accepted."
    : `The attacker replayed the stolen copy at once: rejected after ${replay.sinceRevokeMs ?? "?"} ms.`;
}
