import "server-only";
import { lifetimes } from "@/lib/auth/lifetimes";
import { db } from "@/lib/db/client";
import { isWorkshop } from "@/lib/room/mode";
import { checkpointsFor, isCheckpointId, LABS } from "./catalog";
import { type LabFacts, loadFacts } from "./facts";

/**
 * Decides each checkpoint from the participant's own data. Two kinds:
 *  - derived: a rule over their rows (below), checked every time the lab is looked at;
 *  - observed: something only visible at the moment it happens (a token pasted into the decoder,
 *    the XSS demo's collector, a call to the orders service, a choice with a reason). The server
 *    records those itself (`recordCheckpoint`) when it sees them; no form can tick one.
 * A derived checkpoint, once true, is recorded too, so it stays reached after a room reset deletes
 * the copies and timings it was read from, and the instructor console counts it.
 */
type Rule = (f: LabFacts) => boolean;

const JWT_MODES = ["jwt", "jwt-refresh"];
const refusedAfterLever = (f: LabFacts, modes: string[]) =>
  f.copies.some((c) => modes.includes(c.strategy) && c.replays.some((r) => !r.accepted && r.technique));

/** A later sign-in further on the auth clock than the idle timeout, with a clock move in between. */
function signedInAgainAfterTimeTravel(f: LabFacts): boolean {
  const idleMs = lifetimes().idleS * 1000;
  for (let i = 1; i < f.signIns.length; i++) {
    const before = f.signIns[i - 1];
    const after = f.signIns[i];
    if (!before || !after) continue;
    const moved = f.clockMoves.some((m) => m > before.recordedAt && m < after.recordedAt);
    if (moved && after.at.getTime() - before.at.getTime() > idleMs) return true;
  }
  return false;
}

export const RULES: Record<string, Rule> = {
  "state:database": (f) => f.createdIn.has("database"),
  "state:jwt": (f) => JWT_MODES.some((m) => f.createdIn.has(m)),
  "state:cookie-cache": (f) => f.createdIn.has("cookie-cache"),
  "jwt:issued": (f) => f.issuedTokens > 0,
  "revocation:copy": (f) => f.copies.length > 0,
  "revocation:accepted": (f) => f.copies.some((c) => c.replays.some((r) => r.accepted)),
  "revocation:row-refused": (f) => refusedAfterLever(f, ["database", "cookie-cache"]),
  "revocation:deny-list": (f) => f.denied,
  "revocation:token-refused": (f) => refusedAfterLever(f, JWT_MODES),
  "revocation:refresh": (f) => f.revokedFamilies > 0,
  "lifetimes:row-expiry": (f) => f.createdIn.has("database") || f.createdIn.has("cookie-cache"),
  "lifetimes:time-travel": (f) => f.clockMoves.length > 0,
  "lifetimes:signed-in-again": signedInAgainAfterTimeTravel,
  // The token endpoint's sign-in (app/api/token/route.ts) says so in its detail: the CLI's way in.
  "beyond:cli": (f) => f.signIns.some((s) => s.detail.includes("token endpoint")),
};

/** Records an observed checkpoint (idempotent). Unknown ids are refused, so a typo fails loudly. */
export async function recordCheckpoint(userId: string, checkpoint: string): Promise<void> {
  if (!isCheckpointId(checkpoint)) throw new Error(`unknown lab checkpoint ${checkpoint}`);
  await db.labCheckpoint.upsert({
    where: { userId_checkpoint: { userId, checkpoint } },
    create: { userId, checkpoint },
    update: {},
  });
}

/** Every checkpoint id the participant has reached, after recording the newly derived ones. */
export async function reachedCheckpoints(userId: string): Promise<Set<string>> {
  const facts = await loadFacts(userId);
  const fresh = Object.entries(RULES)
    .filter(([id, rule]) => !facts.reached.has(id) && rule(facts))
    .map(([id]) => id);
  for (const id of fresh) await recordCheckpoint(userId, id);
  return new Set([...facts.reached, ...fresh]);
}

export interface LabStatus {
  lab: string;
  title: string;
  checkpoints: { id: string; done: boolean }[];
}

/** Per lab, which of its checkpoints (those that apply on this server) are done. */
export async function labStatuses(userId: string): Promise<LabStatus[]> {
  const reached = await reachedCheckpoints(userId);
  return LABS.map((lab) => ({
    lab: lab.id,
    title: lab.title,
    checkpoints: checkpointsFor(lab, isWorkshop()).map((c) => ({ id: c.id, done: reached.has(c.id) })),
  }));
}
