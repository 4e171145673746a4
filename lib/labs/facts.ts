import "server-only";
import { db } from "@/lib/db/client";

/**
 * Everything the labs look at for one participant, in one round of queries: their own sign-ins,
 * sessions and tokens, stolen copies and replays, deny-list entries and refresh families, plus the
 * clock moves that acted on them. Only rows that belong to `userId` (copies of *their* sessions).
 */
export interface LabFacts {
  /** Modes in which a session was created for them (AuthEvent "session-created"). */
  createdIn: Set<string>;
  signIns: { at: Date; recordedAt: Date; detail: string }[];
  clockMoves: Date[];
  issuedTokens: number;
  copies: { strategy: string; replays: { accepted: boolean; technique: string | null }[] }[];
  denied: boolean;
  revokedFamilies: number;
  /** Checkpoints already reached (recorded rows). */
  reached: Set<string>;
}

const DENY_LEVERS = ["deny-sid", "deny-user"];

export async function loadFacts(userId: string): Promise<LabFacts> {
  const [created, signIns, tokens, copies, denyActions, families, reached] = await Promise.all([
    db.authEvent.findMany({
      where: { userId, type: "session-created" },
      distinct: ["strategy"],
      select: { strategy: true },
    }),
    db.authEvent.findMany({
      where: { userId, type: "sign-in" },
      orderBy: { recordedAt: "asc" },
      select: { at: true, recordedAt: true, detail: true },
    }),
    db.issuedToken.findMany({ where: { userId }, select: { sid: true } }),
    db.stolenCopy.findMany({
      where: { userId },
      select: { strategy: true, replays: { select: { accepted: true, technique: true } } },
    }),
    db.revocationEvent.count({ where: { userId, technique: { in: DENY_LEVERS } } }),
    db.refreshFamily.count({ where: { userId, revokedAt: { not: null } } }),
    db.labCheckpoint.findMany({ where: { userId }, select: { checkpoint: true } }),
  ]);
  const first = signIns[0]?.recordedAt;
  const [clockMoves, entries] = await Promise.all([
    first
      ? db.authEvent.findMany({
          where: { type: "clock-moved", recordedAt: { gt: first } },
          select: { recordedAt: true },
          orderBy: { recordedAt: "asc" },
        })
      : [],
    db.denyListEntry.count({
      where: {
        OR: [
          { kind: "user", value: userId },
          { kind: "sid", value: { in: tokens.map((t) => t.sid) } },
        ],
      },
    }),
  ]);
  return {
    createdIn: new Set(created.map((c) => c.strategy ?? "")),
    signIns,
    clockMoves: clockMoves.map((c) => c.recordedAt),
    issuedTokens: tokens.length,
    copies,
    denied: denyActions + entries > 0,
    revokedFamilies: families,
    reached: new Set(reached.map((r) => r.checkpoint)),
  };
}
