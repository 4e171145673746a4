import Link from "next/link";
import { MyTimeline } from "@/features/room/timeline";
import { Card } from "@/features/ui/card";
import { getAuthState } from "@/lib/auth/state";
import { latestEvents } from "@/lib/room/timeline";

export const metadata = { title: "My timeline · Session Lab" };

/**
 * Your own audit trail, live: every sign-in, session, refresh, revocation and replay of yours, and
 * the server-wide changes (clock, keys, deny-list switch, reset) that acted on your sessions.
 */
export default async function TimelinePage() {
  const { user } = await getAuthState();
  if (!user) {
    return (
      <div className="mx-auto max-w-xl space-y-3">
        <h1 className="text-2xl font-bold">My timeline</h1>
        <p role="alert">
          Your timeline is your own:{" "}
          <Link href="/signin?callbackUrl=/timeline" className="text-blue-700 underline dark:text-blue-300">
            sign in
          </Link>{" "}
          to see it.
        </p>
      </div>
    );
  }
  const events = await latestEvents({ kind: "mine", userId: user.id });
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">My timeline</h1>
      <Card
        id="timeline"
        title="What happened to your sessions"
        subtitle="Newest first. Times are on the auth clock, the one every expiry is judged by; the instructor can move it."
      >
        <MyTimeline initial={events} />
      </Card>
    </div>
  );
}
