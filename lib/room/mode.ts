import "server-only";
import { env } from "@/lib/env";

/**
 * Which kind of room this server runs (SESSION_LAB_MODE): "demo" for one person exploring alone,
 * "workshop" for a room of participants and an instructor. Pages and actions ask here, so the
 * answer can be flipped in tests without restarting anything.
 */
export function isWorkshop(): boolean {
  return env.SESSION_LAB_MODE === "workshop";
}
