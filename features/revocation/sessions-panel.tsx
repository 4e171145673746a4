import type { sessionRows } from "@/features/session-views/describe";
import { ActionButton } from "@/features/sessions/action-button";
import { revokeAll, revokeOne, revokeOthers } from "@/features/sessions/actions";
import { Badge, Card, dangerButtonClass, quietButtonClass } from "@/features/ui/card";
import { relative, when } from "@/features/ui/format";

type Rows = Awaited<ReturnType<typeof sessionRows>>;

/** Database mode: every signed-in device is a row, and deleting the row ends it on the next request. */
export function SessionsPanel({ rows, now }: { rows: Rows; now: number }) {
  return (
    <Card
      id="my-sessions"
      title="My sessions"
      subtitle="Each row is one signed-in device. Deleting a row signs that device out on its very next request."
    >
      <ul className="space-y-3">
        {rows.map((r) => (
          <li
            key={r.hash}
            className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700"
          >
            <div>
              <div className="flex flex-wrap items-center gap-2">
                <strong>{r.device}</strong>
                {r.current ? <Badge tone="green">this device</Badge> : null}
                <Badge tone="blue">{r.persistent ? "remembered" : "browser session"}</Badge>
              </div>
              <p className="text-slate-600 dark:text-slate-400">
                Signed in {when(r.authTime)} · last seen {relative(r.lastSeenAt.getTime(), now)} · expires{" "}
                {relative(r.expires.getTime(), now)} · IP {r.ip ?? "unknown"}
              </p>
            </div>
            <ActionButton
              action={revokeOne}
              fields={{ hash: r.hash }}
              label={r.current ? "Revoke (sign out here)" : "Revoke"}
              ariaLabel={`Revoke session on ${r.device}${r.current ? " (this device)" : ""} from ${when(r.authTime)}`}
              className={quietButtonClass}
            />
          </li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap gap-3">
        <ActionButton action={revokeOthers} label="Sign out all other devices" className={quietButtonClass} />
        <ActionButton action={revokeAll} label="Sign out everywhere" className={dangerButtonClass} />
      </div>
    </Card>
  );
}
