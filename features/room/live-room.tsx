"use client";

import Link from "next/link";
import { useState } from "react";
import { Card, quietButtonClass } from "@/features/ui/card";
import type { RoomSnapshot } from "@/lib/room/console";
import type { TimelineEvent } from "@/lib/room/timeline";
import { ParticipantCard } from "./participant-card";
import { merge, TimelineList } from "./timeline";
import { StatusText, useEventStream } from "./use-event-stream";

/**
 * The instructor's live view of the room: one page of participants (searchable, paged: the server
 * sends only that page) and the room's timeline, both kept current by one event stream.
 */
export function LiveRoom({ initial, events }: { initial: RoomSnapshot; events: TimelineEvent[] }) {
  const [room, setRoom] = useState(initial);
  const [log, setLog] = useState(events);
  const q = new URLSearchParams({ view: "room", page: String(initial.page), q: initial.search });
  q.set("since", events[0]?.recordedAt ?? "");
  const status = useEventStream(`/room/events?${q}`, {
    room: (data) => setRoom(data as RoomSnapshot),
    timeline: (e) => setLog((list) => merge(list, [e as TimelineEvent])),
  });
  return (
    <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
      <Card
        id="participants"
        title={`Participants (${room.total})`}
        subtitle={<StatusText status={status} />}
      >
        <search>
          <form className="mb-4 flex flex-wrap items-end gap-2 text-sm">
            <label className="font-medium">
              Find a participant
              <input
                name="q"
                type="search"
                maxLength={100}
                defaultValue={room.search}
                className="ml-2 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700"
              />
            </label>
            <button type="submit" className={quietButtonClass}>
              Search
            </button>
            <span className="text-slate-600 dark:text-slate-400">
              page {room.page + 1} of {room.pages}
            </span>
          </form>
        </search>
        {room.participants.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {room.search
              ? "Nobody by that name."
              : "Nobody has joined yet. Participants open /join on their laptops."}
          </p>
        ) : (
          <ul className="space-y-3" aria-label="Participants on this page">
            {room.participants.map((p) => (
              <ParticipantCard key={p.id} p={p} />
            ))}
          </ul>
        )}
        <nav aria-label="Pages of participants" className="mt-4 flex gap-3 text-sm">
          {room.page > 0 ? <PageLink page={room.page} search={room.search} label="Previous page" /> : null}
          {room.page + 1 < room.pages ? (
            <PageLink page={room.page + 2} search={room.search} label="Next page" />
          ) : null}
        </nav>
      </Card>
      <Card
        id="room-timeline"
        title="Room timeline"
        subtitle="Every participant's events as they happen, newest first."
      >
        {/* Scrolls on its own beside the participants (browsers let the keyboard focus a scroller). */}
        <div className="max-h-[80vh] overflow-y-auto pr-2">
          <TimelineList events={log} label="Room timeline, newest first" />
        </div>
      </Card>
    </div>
  );
}

function PageLink({ page, search, label }: { page: number; search: string; label: string }) {
  const q = new URLSearchParams({ page: String(page), ...(search ? { q: search } : {}) });
  return (
    <Link href={`/instructor?${q}`} className="text-blue-700 underline dark:text-blue-300">
      {label}
    </Link>
  );
}
