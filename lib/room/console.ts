import "server-only";
import { device } from "@/features/ui/device";
import { overview } from "@/lib/admin";
import { usableKeys } from "@/lib/auth/keyring";
import { db } from "@/lib/db/client";
import { labProgress } from "@/lib/labs/progress";
import { techniqueLabel } from "@/lib/revocation/events";

/**
 * What the instructor's console shows of each participant, as plain JSON (it travels to the
 * browser in the page and then every couple of seconds over the event stream). One page of
 * participants at a time, through the admin overview's paging and search, so a room of hundreds
 * costs the same as a room of ten.
 */
export interface ParticipantRow {
  id: string;
  name: string;
  /** The mode of their latest sign-in. */
  mode: string | null;
  lastSignIn: string | null;
  /** `device`: named here, once, from the User-Agent (the browser would name it differently). */
  sessions: { hash: string; device: string; lastSeenAt: string; expires: string }[];
  tokens: { sid: string; strategy: string; createdAt: string; device: string; state: TokenState }[];
  activeFamilies: number;
  copies: { id: string; strategy: string; createdAt: string; replays: ReplayRow[] }[];
  /** Checkpoints reached, per lab id (the part of a checkpoint id before ":"), of `total` (lib/labs). */
  progress: { lab: string; reached: number; total?: number }[];
}
export type TokenState = "live" | "denied" | "dead";
export interface ReplayRow {
  at: string;
  accepted: boolean;
  technique: string | null;
  sinceRevokeMs: number | null;
}
export interface RoomSnapshot {
  total: number;
  page: number;
  pages: number;
  search: string;
  participants: ParticipantRow[];
}

/** "revocation:deny-sid" → "revocation". Any of ":", "/" or "." ends a lab id. */
export function labOf(checkpoint: string): string {
  return checkpoint.split(/[:/.]/)[0] || checkpoint;
}

export async function roomSnapshot(o: { page: number; search: string }): Promise<RoomSnapshot> {
  const room = await overview({ page: o.page, search: o.search, kind: "participant" });
  const ids = room.users.map((u) => u.id);
  const [copies, checkpoints, signIns, keys] = await Promise.all([
    db.stolenCopy.findMany({
      where: { userId: { in: ids } },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        userId: true,
        strategy: true,
        createdAt: true,
        replays: { orderBy: { at: "desc" }, take: 3 },
      },
    }),
    db.labCheckpoint.findMany({ where: { userId: { in: ids } }, select: { userId: true, checkpoint: true } }),
    db.authEvent.findMany({
      where: { userId: { in: ids }, type: "sign-in" },
      orderBy: { recordedAt: "desc" },
      distinct: ["userId"],
      select: { userId: true, strategy: true, at: true },
    }),
    usableKeys(),
  ]);
  const usable = new Set(keys.map((k) => k.id));
  // Each guided lab's checkpoints, decided from the participant's own data (lib/labs/progress.ts).
  const labs = new Map(await Promise.all(ids.map(async (id) => [id, await labProgress(id)] as const)));
  const participants = room.users.map((u): ParticipantRow => {
    const signIn = signIns.find((s) => s.userId === u.id);
    const counted = new Map<string, number>();
    for (const c of checkpoints)
      if (c.userId === u.id) counted.set(labOf(c.checkpoint), (counted.get(labOf(c.checkpoint)) ?? 0) + 1);
    return {
      id: u.id,
      name: u.name ?? "Participant",
      mode: signIn?.strategy ?? null,
      lastSignIn: signIn?.at.toISOString() ?? null,
      sessions: u.sessions.map((s) => ({
        hash: s.sessionToken,
        device: device(s.userAgent),
        lastSeenAt: s.lastSeenAt.toISOString(),
        expires: s.expires.toISOString(),
      })),
      tokens: u.tokens.map((t) => ({
        sid: t.sid,
        strategy: t.strategy,
        createdAt: t.createdAt.toISOString(),
        device: device(t.userAgent),
        state: t.denied ? "denied" : usable.has(t.keyId ?? "") ? "live" : "dead",
      })),
      activeFamilies: u.activeFamilies,
      copies: copies
        .filter((c) => c.userId === u.id)
        .slice(0, 3)
        .map((c) => ({
          id: c.id,
          strategy: c.strategy,
          createdAt: c.createdAt.toISOString(),
          replays: c.replays.map((r) => ({
            at: r.at.toISOString(),
            accepted: r.accepted,
            technique: techniqueLabel(r.technique),
            sinceRevokeMs: r.sinceRevokeMs,
          })),
        })),
      progress: [
        ...(labs.get(u.id) ?? []).map((l) => ({ lab: l.lab, reached: l.done, total: l.total })),
        ...[...counted]
          .filter(([lab]) => !labs.get(u.id)?.some((l) => l.lab === lab))
          .map(([lab, reached]) => ({ lab, reached })),
      ],
    };
  });
  return { total: room.total, page: room.page, pages: room.pages, search: o.search, participants };
}
