import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * The audit log: one row per authentication event, for the per-user and room-wide timelines.
 * Writing it never fails the action it records (a lost log line beats a lost sign-in).
 */
export const EVENT_TYPES = {
  "sign-in": "Signed in",
  "sign-in-failed": "Sign-in refused",
  "sign-out": "Signed out",
  "session-created": "Session created",
  refreshed: "Access token refreshed",
  revoked: "Revoked",
  "replay-accepted": "Stolen copy accepted",
  "replay-refused": "Stolen copy refused",
  "key-rotated": "Key rotated",
  "clock-moved": "Auth clock moved",
  "setting-changed": "Setting changed",
  "rate-limited": "Rate limit hit",
  outage: "Store outage",
  joined: "Joined the room",
  "device-paired": "Added a device",
  "room-reset": "Room reset",
} as const;
export type EventType = keyof typeof EVENT_TYPES;

export interface EventInput {
  userId?: string | null;
  benchId?: string | null;
  strategy?: string | null;
  detail: string;
}

export async function recordEvent(type: EventType, e: EventInput): Promise<void> {
  try {
    await db.authEvent.create({
      data: {
        type,
        at: new Date(now()),
        userId: e.userId ?? null,
        benchId: e.benchId ?? null,
        strategy: e.strategy ?? null,
        instance: env.SESSION_LAB_INSTANCE,
        detail: e.detail.slice(0, 500),
      },
    });
  } catch {
    // The audit log is a view on events, not part of them.
  }
}
