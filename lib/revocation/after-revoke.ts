import "server-only";
import { recordEvent } from "@/lib/audit";
import { requestScope } from "@/lib/auth/scope";
import type { LeverId } from "@/lib/auth/strategies/types";
import type { Strategy } from "@/lib/auth/strategy";
import { db } from "@/lib/db/client";
import { recordRevocation, TECHNIQUES } from "./events";
import { labId } from "./lab-id";
import { replayCopy } from "./stolen";

export interface AttackerOutcome {
  replayId: string;
  accepted: boolean;
  /** One sentence for a status line. */
  summary: string;
}

/**
 * Every revocation action ends here: record it, then let the lab's attacker replay the newest
 * stolen copy of that user at once, so the outcome shows what the lever really did. The copy
 * kept on this browser's bench comes first: its outcome is the one this browser's banner may show
 * (a copy on another device's bench is replayed only when this browser kept none).
 */
export async function revokedWith(
  userId: string,
  technique: LeverId,
  strategy: Strategy | null,
): Promise<AttackerOutcome | null> {
  await recordRevocation(userId, technique, strategy);
  await recordEvent("revoked", { userId, strategy, detail: TECHNIQUES[technique] });
  const bench = await labId(false);
  const newest = { orderBy: { createdAt: "desc" as const } };
  const copy =
    (bench ? await db.stolenCopy.findFirst({ where: { userId, ownerId: bench }, ...newest }) : null) ??
    (await db.stolenCopy.findFirst({ where: { userId }, ...newest }));
  if (!copy) return null;
  const replay = await replayCopy(copy.ownerId, copy.id, await requestScope());
  if (!replay) return null;
  return {
    replayId: replay.id,
    accepted: replay.accepted,
    summary: replay.accepted
      ? "The attacker replayed the stolen copy at once: still accepted."
      : `The attacker replayed the stolen copy at once: rejected after ${replay.sinceRevokeMs ?? "?"} ms.`,
  };
}
