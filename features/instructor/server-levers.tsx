import { rotate, travel } from "@/features/instructor/actions";
import { ActionButton } from "@/features/sessions/action-button";
import { Badge, Card, dangerButtonClass, quietButtonClass } from "@/features/ui/card";
import { when } from "@/features/ui/format";
import { listKeys } from "@/lib/auth/keyring";
import { duration, lifetimes } from "@/lib/auth/lifetimes";
import { listSigningKeys } from "@/lib/auth/signing-keys";
import { now, offset, wallClock } from "@/lib/clock";
import { SigningKeysCard } from "./signing-keys-card";

/**
 * The server-wide levers every instructor console has (solo demo and workshop alike): the auth
 * clock and the JWT keys. Server components; each button is a guarded admin action.
 */
const STEPS = [
  { s: 60, label: "+1 min" },
  { s: 5 * 60, label: "+5 min" },
  { s: 3600, label: "+1 hour" },
  { s: 9 * 3600, label: "+9 hours" },
  { s: 8 * 86400, label: "+8 days" },
];

/** Call after syncClock(true), so the offset shown is the one in force. */
export function ClockCard() {
  const l = lifetimes();
  const ahead = offset();
  return (
    <Card
      id="clock"
      title="Auth clock (time travel)"
      subtitle="Moves the clock every expiry check uses, in both modes, for everyone on this server. The machine's clock is untouched."
    >
      <p className="text-sm">
        Auth clock: <strong>{when(new Date(now()))}</strong>{" "}
        {ahead ? (
          <Badge tone="amber">{Math.round(ahead / 60000)} min ahead</Badge>
        ) : (
          <Badge tone="green">real time</Badge>
        )}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        {STEPS.map((st) => (
          <ActionButton
            key={st.s}
            action={travel}
            fields={{ seconds: String(st.s) }}
            label={st.label}
            ariaLabel={`Move the auth clock ${st.label}`}
            className={quietButtonClass}
          />
        ))}
        <ActionButton
          action={travel}
          fields={{ to: "now", seconds: "0" }}
          label="Back to now"
          className={quietButtonClass}
        />
      </div>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Idle timeout {duration(l.idleS)}, absolute timeout {duration(l.absoluteS)}: jump past them to end
        sessions. Your own session ages too: sign in again, then come back for “Back to now”.
      </p>
    </Card>
  );
}

export async function KeysCard() {
  const keys = await listKeys(true);
  return (
    <Card
      id="keys"
      title="JWT keys"
      subtitle="The key that encrypts session JWTs. Rotate with grace (old tokens still decrypt) or hard (every JWT session ends at once)."
    >
      <ul className="space-y-1 text-sm">
        {keys.map((k) => (
          <li key={k.id} className="flex flex-wrap items-center gap-2">
            <strong>{k.id}</strong>
            <Badge tone={k.status === "active" ? "green" : k.status === "grace" ? "amber" : "slate"}>
              {k.status}
            </Badge>
            <span className="text-slate-600 dark:text-slate-400">
              {k.id === "k1" ? "AUTH_SECRET" : `created ${when(k.createdAt)}`}
            </span>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap gap-3">
        <ActionButton
          action={rotate}
          fields={{ mode: "grace" }}
          label="Rotate with grace"
          className={quietButtonClass}
        />
        <ActionButton
          action={rotate}
          fields={{ mode: "hard" }}
          label="Hard rotation"
          className={dangerButtonClass}
        />
      </div>
    </Card>
  );
}

/** The keys that sign access tokens for other services (loaded here, so every console shows the same card). */
export async function SigningKeys() {
  return <SigningKeysCard keys={await listSigningKeys()} now={wallClock.now()} />;
}
