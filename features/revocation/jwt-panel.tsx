import { ActionButton } from "@/features/sessions/action-button";
import { Badge, Card, dangerButtonClass, quietButtonClass } from "@/features/ui/card";
import { ms, when } from "@/features/ui/format";
import type { myTokens } from "@/lib/revocation/jwt";
import { denyAllMyTokens, denyThisToken, setDenyListCheck } from "./actions";

type Tokens = Awaited<ReturnType<typeof myTokens>>;

/** JWT modes: no row to delete, so revocation means a deny-list, which brings the lookup back. */
export function JwtPanel({
  tokens,
  enforcing,
  canSwitch,
  currentSid,
  lookupMs,
  storeName,
}: {
  tokens: Tokens;
  enforcing: boolean;
  /** Only the instructor may turn the server-wide check off (or on). */
  canSwitch: boolean;
  currentSid: string | null;
  lookupMs: number | null;
  storeName: string;
}) {
  return (
    <Card
      id="deny-list"
      title="JWT deny-list"
      subtitle="A JWT carries its own proof, so the server has nothing to delete. To refuse one before it expires, the server must remember it: a deny-list, checked on every request."
    >
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>
          Deny-list check on every request (server-wide, for everyone):{" "}
          <Badge tone={enforcing ? "green" : "slate"}>
            {enforcing ? "on" : "off (plain JWT: trusted on its own)"}
          </Badge>
        </span>
        {canSwitch ? (
          <ActionButton
            action={setDenyListCheck}
            fields={{ enforce: enforcing ? "off" : "on" }}
            label={enforcing ? "Stop checking the deny-list" : "Check the deny-list on every request"}
            className={quietButtonClass}
          />
        ) : (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            Only the instructor can switch it: if a token's holder could, a thief would simply switch it off.
          </span>
        )}
      </div>
      <p className="mt-2 text-sm">
        Cost on this request:{" "}
        {lookupMs === null ? (
          "none (no lookup was made)"
        ) : (
          <strong>
            {ms(lookupMs)} for the deny-list lookup ({storeName})
          </strong>
        )}
        . That lookup is exactly what JWTs were meant to avoid.
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <ActionButton
          action={denyThisToken}
          label="Deny-list this device's token"
          className={quietButtonClass}
        />
        <ActionButton
          action={denyAllMyTokens}
          label="Deny-list all my tokens"
          className={dangerButtonClass}
        />
      </div>
      <h3 className="mt-4 text-sm font-semibold">Tokens issued to you (the server's audit ledger, by sid)</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {tokens.issued.map((t) => (
          <li key={t.sid} className="flex flex-wrap items-center gap-2">
            <code className="font-mono text-xs">sid {t.sid}</code>
            <span className="text-slate-600 dark:text-slate-400">
              signed in {when(t.createdAt)} · key {t.keyId ?? "?"}
            </span>
            {t.sid === currentSid ? <Badge tone="green">this device</Badge> : null}
            {t.denied ? <Badge tone="red">deny-listed</Badge> : null}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Auth.js gives every re-issued token a new jti, so entries key on the lab's own stable <code>sid</code>{" "}
        claim (one per sign-in). An entry is kept only as long as the token it blocks could live.
      </p>
    </Card>
  );
}
