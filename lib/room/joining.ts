import "server-only";
import { setSetting, setting, syncSettings } from "@/lib/settings";

/**
 * Whether /join takes new participants: a server-wide setting (every instance agrees within a
 * second), open unless the instructor closed it. People already in the room keep signing in and
 * can still pair a second device.
 */
const JOINING_KEY = "room.joining";

export async function joiningOpen(): Promise<boolean> {
  await syncSettings();
  return setting(JOINING_KEY) !== "closed";
}

export async function setJoining(open: boolean): Promise<void> {
  await setSetting(JOINING_KEY, open ? "open" : "closed");
}
