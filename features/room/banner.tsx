import { agoText, lastInstructorChange } from "@/lib/room/banner";
import { isWorkshop } from "@/lib/room/mode";

/**
 * On every page of a workshop: the instructor's latest server-wide change. When a session ends
 * "for no reason", this is usually the reason.
 */
export async function RoomBanner() {
  if (!isWorkshop()) return null;
  const change = await lastInstructorChange().catch(() => null); // a banner never breaks a page
  if (!change) return null;
  return (
    <div
      role="note"
      aria-label="Latest change by the instructor"
      className="border-b border-blue-200 bg-blue-50 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-300"
    >
      <p className="mx-auto max-w-7xl px-4 py-2 text-sm">
        {change.sentence}, {agoText(change.agoMs)}.
      </p>
    </div>
  );
}
