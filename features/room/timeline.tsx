"use client";

import { useState } from "react";
import { STRATEGY_LABELS } from "@/lib/auth/strategy";
import type { TimelineEvent } from "@/lib/room/timeline";
import { StatusText, useEventStream } from "./use-event-stream";

const KEEP = 100;
const TONES: Record<string, string> = {
  "replay-accepted": "border-red-500",
  "replay-refused": "border-green-600",
  revoked: "border-amber-500",
  "sign-in-failed": "border-red-500",
  "key-rotated": "border-blue-600",
  "clock-moved": "border-blue-600",
  "setting-changed": "border-blue-600",
  "room-reset": "border-blue-600",
};

/** Newest first, each event once, at most KEEP of them. */
export function merge(list: TimelineEvent[], more: TimelineEvent[]): TimelineEvent[] {
  const seen = new Set(list.map((e) => e.id));
  const fresh = more.filter((e) => !seen.has(e.id)).reverse();
  return [...fresh, ...list].slice(0, KEEP);
}

function modeLabel(mode: string | null): string | null {
  return mode && mode in STRATEGY_LABELS ? STRATEGY_LABELS[mode as keyof typeof STRATEGY_LABELS] : mode;
}

/** The events, as a list a screen reader can walk; the time is the auth clock's (the one expiry uses). */
export function TimelineList({ events, label }: { events: TimelineEvent[]; label: string }) {
  if (events.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing yet.</p>;
  return (
    <ol aria-label={label} className="space-y-2 text-sm">
      {events.map((e) => (
        <li
          key={e.id}
          className={`border-l-4 pl-3 ${TONES[e.type] ?? "border-slate-300 dark:border-slate-700"}`}
        >
          <p>
            <strong>{e.label}</strong>
            {e.who ? ` · ${e.who}` : ""} ·{" "}
            <time dateTime={e.at} className="text-xs text-slate-600 dark:text-slate-400">
              {e.at.slice(11, 19)} UTC
              {e.at.slice(0, 10) !== e.recordedAt.slice(0, 10) ? `, ${e.at.slice(0, 10)}` : ""}
            </time>
          </p>
          <p className="break-words text-slate-700 dark:text-slate-300">{e.detail}</p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {[modeLabel(e.mode), e.instance ? `instance ${e.instance}` : null].filter(Boolean).join(" · ")}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** A participant's own timeline, live (their events plus the server-wide changes that act on them). */
export function MyTimeline({ initial }: { initial: TimelineEvent[] }) {
  const [events, setEvents] = useState(initial);
  const since = initial[0]?.recordedAt ?? "";
  const status = useEventStream(`/room/events?view=mine&since=${encodeURIComponent(since)}`, {
    timeline: (e) => setEvents((list) => merge(list, [e as TimelineEvent])),
  });
  return (
    <div className="space-y-3">
      <StatusText status={status} />
      <TimelineList events={events} label="My timeline, newest first" />
    </div>
  );
}
