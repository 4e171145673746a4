import "server-only";
import { readSession } from "@/lib/auth/read";
import type { RequestScope } from "@/lib/auth/scope";
import { StoreUnavailableError } from "@/lib/store/gate";
import { roomSnapshot } from "./console";
import type { SseMessage, Tick } from "./stream";
import { eventsSince, type TimelineView } from "./timeline";

/**
 * What the live stream sends, poll after poll:
 *  - "timeline": each new audit event the subscriber may see (their own, plus server-wide changes;
 *    the instructor: everyone's);
 *  - "room" (instructor only): the console's page of participants, whenever it changed;
 *  - "reauth": the credential this request carried stopped working (a refresh-mode access token
 *    lives a minute): reconnect, and the new request brings renewed cookies;
 *  - "denied": signed out, or not allowed this view: stop.
 * Who is asking is checked on every poll, so a revoked subscriber stops receiving within seconds.
 */
export type FeedView = "mine" | "room";

/** Rows written this long before the cursor are read again (clock skew between instances, late commits). */
const OVERLAP_MS = 5000;
const MAX_REMEMBERED = 1000;

export function roomFeed(o: {
  scope: RequestScope;
  view: FeedView;
  page: number;
  search: string;
  since: Date;
}) {
  let cursor = o.since.getTime();
  const sent = new Set<string>();
  let lastRoom = "";
  let polls = 0;

  return async function tick(): Promise<Tick> {
    const first = polls++ === 0;
    const verdict = await readSession(o.scope);
    if (verdict.status === "unavailable") throw new StoreUnavailableError(verdict.store, verdict.reason);
    const allowed = verdict.status === "signed-in" && (o.view === "mine" || verdict.user.role === "admin");
    if (!allowed) {
      const reason = o.view === "room" ? "Instructor only." : "You are signed out.";
      return { close: first ? { event: "denied", data: { reason } } : { event: "reauth", data: {} } };
    }
    const view: TimelineView =
      o.view === "room" ? { kind: "room" } : { kind: "mine", userId: verdict.user.id };
    const events = await eventsSince(view, new Date(cursor - OVERLAP_MS));
    const send: SseMessage[] = [];
    for (const e of events) {
      cursor = Math.max(cursor, Date.parse(e.recordedAt));
      if (sent.has(e.id)) continue;
      sent.add(e.id);
      send.push({ event: "timeline", data: e, id: String(cursor) });
    }
    if (sent.size > MAX_REMEMBERED)
      for (const id of [...sent].slice(0, sent.size - MAX_REMEMBERED)) sent.delete(id);
    if (o.view === "room") {
      const room = JSON.stringify(await roomSnapshot({ page: o.page, search: o.search }));
      if (room !== lastRoom) send.push({ event: "room", data: JSON.parse(room) });
      lastRoom = room;
    }
    return { send };
  };
}

export function unavailableMessage(error: unknown): SseMessage {
  const reason = error instanceof StoreUnavailableError ? error.message : "the server could not read the log";
  return { event: "unavailable", data: { reason } };
}

/** Where a (re)connecting stream starts: the browser's Last-Event-ID, its `since`, or a moment ago. */
export function startOf(lastEventId: string | null, since: string | null): Date {
  const candidates = [Number(lastEventId), Date.parse(since ?? "")].filter(
    (n) => Number.isFinite(n) && n > 0,
  );
  const now = Date.now();
  return new Date(Math.min(now, candidates.length ? Math.max(...candidates) : now - OVERLAP_MS));
}
