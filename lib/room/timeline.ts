import "server-only";
import { EVENT_TYPES, type EventType } from "@/lib/audit";
import { db } from "@/lib/db/client";

/**
 * The audit log as timelines: a participant's own (their events, plus the server-wide changes that
 * act on everyone) and the room's (everything, with who). Rows are ordered by `recordedAt`, the
 * machine's clock when they were written: `at` is on the auth clock, which the instructor moves
 * back and forth, so it cannot tell which row is new.
 */
export const SERVER_WIDE: EventType[] = ["key-rotated", "clock-moved", "setting-changed", "room-reset"];

export type TimelineView = { kind: "mine"; userId: string } | { kind: "room" };

export interface TimelineEvent {
  id: string;
  /** ISO time on the auth clock (what every expiry was judged on at that moment). */
  at: string;
  /** ISO time on the machine's clock: the stream's cursor. */
  recordedAt: string;
  type: string;
  label: string;
  mode: string | null;
  instance: string | null;
  detail: string;
  /** Room view only: whose event it was. */
  who: string | null;
}

const PAGE = 50;

function whereOf(view: TimelineView) {
  return view.kind === "room" ? {} : { OR: [{ userId: view.userId }, { type: { in: SERVER_WIDE } }] };
}

async function shape(view: TimelineView, rows: Awaited<ReturnType<typeof db.authEvent.findMany>>) {
  const ids = view.kind === "room" ? [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))] : [];
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name ?? u.email]));
  return rows.map(
    (r): TimelineEvent => ({
      id: r.id,
      at: r.at.toISOString(),
      recordedAt: r.recordedAt.toISOString(),
      type: r.type,
      label: Object.hasOwn(EVENT_TYPES, r.type) ? EVENT_TYPES[r.type as EventType] : r.type,
      mode: r.strategy,
      instance: r.instance,
      detail: r.detail,
      who: view.kind === "room" && r.userId ? (names.get(r.userId) ?? "a removed user") : null,
    }),
  );
}

/** The latest events, newest first (what a page renders before the stream takes over). */
export async function latestEvents(view: TimelineView, take = PAGE): Promise<TimelineEvent[]> {
  const rows = await db.authEvent.findMany({
    where: whereOf(view),
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    take,
  });
  return shape(view, rows);
}

/**
 * Events written at or after `since`, oldest first. Instances' clocks differ a little and a write
 * may land just after a poll read past it, so callers ask with some overlap and drop ids they sent.
 */
export async function eventsSince(view: TimelineView, since: Date): Promise<TimelineEvent[]> {
  const rows = await db.authEvent.findMany({
    where: { ...whereOf(view), recordedAt: { gte: since } },
    orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
    take: PAGE * 2,
  });
  return shape(view, rows);
}
