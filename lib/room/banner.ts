import "server-only";
import { db } from "@/lib/db/client";
import { SERVER_WIDE } from "./timeline";

/**
 * The latest server-wide change (clock, keys, deny-list switch, reset), for the banner on every
 * page of a workshop: whatever a participant sees may have changed because of it. The audit row's
 * detail is written as what the instructor did ("moved the auth clock +9 h"), so it reads after
 * "The instructor".
 */
export interface InstructorChange {
  sentence: string;
  /** Machine-clock milliseconds since the change: how long ago, as people count it. */
  agoMs: number;
}

export async function lastInstructorChange(): Promise<InstructorChange | null> {
  const row = await db.authEvent.findFirst({
    where: { type: { in: SERVER_WIDE } },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    select: { detail: true, recordedAt: true },
  });
  if (!row) return null;
  // recordedAt and Date.now() are both the machine's clock: the auth clock may be days ahead.
  return {
    sentence: `The instructor ${row.detail}`,
    agoMs: Math.max(0, Date.now() - row.recordedAt.getTime()),
  };
}

export function agoText(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return "just now";
  if (s < 5400) return `${Math.round(s / 60)} min ago`;
  if (s < 172800) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} days ago`;
}
