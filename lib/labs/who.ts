import "server-only";
import type { RequestScope } from "@/lib/auth/scope";
import type { Verdict } from "@/lib/auth/strategies/types";
import { isWorkshop } from "@/lib/room/mode";
import { participantOfScope } from "@/lib/room/participants";

/**
 * Whose lab bench this request is: the signed-in user, or in a workshop the participant whose
 * key this browser holds (so a participant whose session just expired, the point of the
 * lifetimes lab, still sees their checkpoints). Solo and signed out: nobody.
 */
export async function labUserId(scope: RequestScope, verdict: Verdict): Promise<string | null> {
  if (verdict.status === "signed-in") return verdict.user.id;
  if (!isWorkshop()) return null;
  return (await participantOfScope(scope))?.id ?? null;
}
