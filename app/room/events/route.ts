import type { NextRequest } from "next/server";
import { scopeOfRequest } from "@/lib/auth/scope";
import { type FeedView, roomFeed, startOf, unavailableMessage } from "@/lib/room/feed";
import { pollingStream } from "@/lib/room/stream";

/**
 * GET /room/events?view=mine|room[&page=N&q=…&since=ISO]: the live timeline (and, for the
 * instructor, the live console) as server-sent events. Deliberately not under /api: page-like
 * requests pass the proxy, which renews a refresh-mode access token before this handler reads it.
 * Always 200 text/event-stream; a subscriber who may not watch gets one "denied" event.
 */
export const dynamic = "force-dynamic";

export function GET(req: NextRequest) {
  const params = req.nextUrl.searchParams;
  const view: FeedView = params.get("view") === "room" ? "room" : "mine";
  const page = Math.min(10_000, Math.max(0, Number.parseInt(params.get("page") ?? "0", 10) || 0));
  const search = (params.get("q") ?? "").slice(0, 100);
  const since = startOf(req.headers.get("last-event-id"), params.get("since"));
  const tick = roomFeed({ scope: scopeOfRequest(req), view, page, search, since });
  return pollingStream(tick, { signal: req.signal, onError: unavailableMessage });
}
