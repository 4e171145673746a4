import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

/**
 * Outcomes of actions that end your own session come back to /revocation as a banner. Only these
 * codes are accepted: the banner speaks with the lab's voice, so its text never comes from the
 * URL (anyone can craft a link). Dynamic details (the attacker's replay) are looked up by id.
 */
export const NOTICES = {
  "signed-out": "Signed out.",
  "db-revoke-this": "This device's session was deleted: your next request is signed out.",
  "db-revoke-other": "Session deleted. That device is signed out on its very next request.",
  "db-revoke-all": "Deleted all your sessions, this one included: you are signed out everywhere.",
  "deny-sid": "This token's sid is on the deny-list, and the deny-list is checked on every request.",
  "deny-user": "Every token you hold, on every device, is deny-listed.",
  "deny-unchecked":
    "Deny-listed. But the server-wide deny-list check is off (in a workshop only the instructor switches it), so tokens are not checked against the list yet: a stolen copy keeps working until the check is on.",
  "family-revoke":
    "Refresh family revoked: no more renewals; the current access token still works until it expires.",
} as const;
export type NoticeCode = keyof typeof NOTICES;

export function showNotice(code: NoticeCode, replayId?: string | null): never {
  const replay = replayId ? `&replay=${encodeURIComponent(replayId)}` : "";
  // The header (in the root layout) must be drawn again too: a deny-listed token changes no cookie,
  // so without this the client would keep the layout that still says "Signed in as …".
  revalidatePath("/", "layout");
  redirect(`/revocation?notice=${code}${replay}`);
}

export function readNotice(value: unknown): NoticeCode | null {
  return typeof value === "string" && Object.hasOwn(NOTICES, value) ? (value as NoticeCode) : null;
}

export function readReplayId(value: unknown): string | null {
  return typeof value === "string" && /^[a-z0-9]{10,40}$/.test(value) ? value : null;
}
