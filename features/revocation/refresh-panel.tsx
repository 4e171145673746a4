import { ActionButton } from "@/features/sessions/action-button";
import { Badge, Card, dangerButtonClass } from "@/features/ui/card";
import { when } from "@/features/ui/format";
import type { myTokens } from "@/lib/revocation/jwt";
import { revokeMyFamily } from "./actions";
import { Countdown } from "./countdown";

type Families = Awaited<ReturnType<typeof myTokens>>["families"];

/** Short-lived access tokens: revocation works by refusing the next refresh. */
export function RefreshPanel({
  families,
  currentFamily,
  accessExp,
  offsetMs,
  ttl,
}: {
  families: Families;
  currentFamily: string | null;
  accessExp: number | null;
  offsetMs: number;
  ttl: number;
}) {
  const current = families.find((f) => f.id === currentFamily);
  return (
    <Card
      id="refresh"
      title="Short-lived access token + refresh token"
      subtitle={`The access token (the JWT in your session cookie) lives ${ttl} s. A refresh token, stored on the server only as a hash, renews it; each refresh token works once.`}
    >
      <p className="text-sm">
        This access token expires in{" "}
        {accessExp ? (
          <Countdown
            until={accessExp}
            offsetMs={offsetMs}
            initialSeconds={Math.round((accessExp - (Date.now() + offsetMs)) / 1000)}
            label="Access token expires in"
            expired="now (renewed on your next page load)"
          />
        ) : (
          "—"
        )}
        .
        {current?.revokedAt ? (
          <>
            {" "}
            <Badge tone="red">family revoked</Badge> Once it expires, no refresh will succeed: access ends
            within at most {ttl} s of the revocation.
          </>
        ) : null}
      </p>
      <div className="mt-3">
        <ActionButton
          action={revokeMyFamily}
          label="Revoke my refresh family"
          className={dangerButtonClass}
        />
      </div>
      <h3 className="mt-4 text-sm font-semibold">Your refresh families (one per sign-in)</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {families.map((f) => (
          <li key={f.id} className="flex flex-wrap items-center gap-2">
            <code className="font-mono text-xs">family {f.id}</code>
            <span className="text-slate-600 dark:text-slate-400">
              started {when(f.createdAt)} · {f.rotations} rotation{f.rotations === 1 ? "" : "s"}
            </span>
            {f.id === currentFamily ? <Badge tone="green">this device</Badge> : null}
            {f.revokedAt ? <Badge tone="red">revoked: {f.reason}</Badge> : <Badge tone="blue">active</Badge>}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Reusing a refresh token that was already rotated means two parties hold it (one of them a thief), so
        the whole family is revoked. Two tabs refreshing at the same moment get the same successor instead,
        within a short grace window.
      </p>
    </Card>
  );
}
