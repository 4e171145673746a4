import { ClockCard, KeysCard, SigningKeys } from "@/features/instructor/server-levers";
import { syncClock } from "@/lib/clock";
import { roomSnapshot } from "@/lib/room/console";
import { joiningOpen } from "@/lib/room/joining";
import { latestEvents } from "@/lib/room/timeline";
import { LiveRoom } from "./live-room";
import { RoomLevers } from "./room-levers";

/**
 * /instructor in workshop mode: the room-wide levers (joining, reset, the clock and the keys) and
 * the live room. The page renders a first picture; the event stream keeps it current.
 */
export async function RoomConsole({ page, search }: { page: number; search: string }) {
  await syncClock(true);
  const [room, events, open] = await Promise.all([
    roomSnapshot({ page, search }),
    latestEvents({ kind: "room" }),
    joiningOpen(),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Instructor console: the room</h1>
      <div className="grid gap-6 xl:grid-cols-3">
        <RoomLevers open={open} />
        <ClockCard />
        <KeysCard />
        <SigningKeys />
      </div>
      {/* A new page or search is a new stream: remount rather than keep the old page's state. */}
      <LiveRoom key={`${page}:${search}`} initial={room} events={events} />
    </div>
  );
}
