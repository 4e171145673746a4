import { ActionButton } from "@/features/sessions/action-button";
import { Badge, Card, quietButtonClass } from "@/features/ui/card";
import { setJoiningAction } from "./actions";
import { ResetForm } from "./reset-form";

/** Joining open or closed, and "Reset the room". The clock and the keys sit next to these. */
export function RoomLevers({ open }: { open: boolean }) {
  return (
    <Card
      id="room-levers"
      title="The room"
      subtitle="Participants join at /join with a display name. Closing joining keeps everyone already in."
    >
      <p className="text-sm">
        Joining: {open ? <Badge tone="green">open</Badge> : <Badge tone="amber">closed</Badge>}
      </p>
      <div className="mt-3">
        <ActionButton
          action={setJoiningAction}
          fields={{ joining: open ? "closed" : "open" }}
          label={open ? "Close joining" : "Open joining"}
          className={quietButtonClass}
        />
      </div>
      <ResetForm />
    </Card>
  );
}
