import "server-only";
import { db } from "@/lib/db/client";
import { techniqueLabel } from "@/lib/revocation/events";

/**
 * Time to revocation per technique and mode, from the room's stolen-copy replays: for each lever,
 * the median time from pulling it to a replay the server refused, and how many replays were still
 * accepted after it (a sign-out does not stop a JWT). Measured by people clicking, so it is an
 * upper bound: the server refused at the first replay after the lever.
 */
export interface RevocationTime {
  mode: string;
  technique: string;
  refused: number;
  medianMs: number | null;
  acceptedAfter: number;
}

export async function revocationTimes(): Promise<RevocationTime[]> {
  const replays = await db.replay.findMany({
    where: { technique: { not: null } },
    select: { accepted: true, sinceRevokeMs: true, technique: true, copy: { select: { strategy: true } } },
    take: 5000,
    orderBy: { at: "desc" },
  });
  const groups = new Map<string, { mode: string; technique: string; ms: number[]; accepted: number }>();
  for (const r of replays) {
    const key = `${r.copy.strategy}|${r.technique}`;
    const g = groups.get(key) ?? { mode: r.copy.strategy, technique: r.technique ?? "", ms: [], accepted: 0 };
    if (r.accepted) g.accepted++;
    else if (r.sinceRevokeMs !== null) g.ms.push(r.sinceRevokeMs);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    const sorted = g.ms.sort((a, b) => a - b);
    return {
      mode: g.mode,
      technique: techniqueLabel(g.technique) ?? g.technique,
      refused: sorted.length,
      medianMs: sorted.length ? (sorted[Math.floor(sorted.length / 2)] ?? null) : null,
      acceptedAfter: g.accepted,
    };
  });
}
