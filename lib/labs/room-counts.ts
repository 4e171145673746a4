import "server-only";
import { db } from "@/lib/db/client";

/** How many people reached each checkpoint (counts only, nobody named): for the presenter view. */
export async function checkpointCounts(ids: string[]): Promise<Map<string, number>> {
  const rows = await db.labCheckpoint.groupBy({
    by: ["checkpoint"],
    where: { checkpoint: { in: ids } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.checkpoint, r._count._all]));
}
