"use client";

import { denyToken, endUser } from "@/features/instructor/actions";
import { ActionButton } from "@/features/sessions/action-button";
import { Badge, dangerButtonClass, quietButtonClass } from "@/features/ui/card";
import { STRATEGY_LABELS, type Strategy } from "@/lib/auth/strategy";
import type { ParticipantRow } from "@/lib/room/console";
import { deleteSessionAction } from "./actions";

const mode = (m: string | null) =>
  m && m in STRATEGY_LABELS ? STRATEGY_LABELS[m as Strategy] : "not signed in yet";
const time = (iso: string) => `${iso.slice(11, 19)} UTC`;

/** One participant in the console: what they hold, what happened to their stolen copies, and the levers. */
export function ParticipantCard({ p }: { p: ParticipantRow }) {
  const accepted = p.copies.flatMap((c) => c.replays).filter((r) => r.accepted).length;
  return (
    <li
      aria-labelledby={`p-${p.id}`}
      className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`p-${p.id}`} className="break-words font-semibold">
            {p.name}
          </h3>
          <p className="text-slate-600 dark:text-slate-400">
            {mode(p.mode)} · {p.sessions.length} session{p.sessions.length === 1 ? "" : "s"} ·{" "}
            {p.tokens.length} token{p.tokens.length === 1 ? "" : "s"} · {p.activeFamilies} refresh famil
            {p.activeFamilies === 1 ? "y" : "ies"}
          </p>
        </div>
        <ActionButton
          action={endUser}
          fields={{ userId: p.id }}
          label="End everything"
          ariaLabel={`End every session and token of ${p.name}`}
          className={dangerButtonClass}
        />
      </div>
      {p.sessions.length || p.tokens.length ? (
        <ul className="mt-2 space-y-1" aria-label={`Sessions and tokens of ${p.name}`}>
          {p.sessions.map((s, i) => (
            <li key={s.hash} className="flex flex-wrap items-center gap-2">
              <span>
                Session on {s.device} · last seen {time(s.lastSeenAt)}
              </span>
              <ActionButton
                action={deleteSessionAction}
                fields={{ userId: p.id, hash: s.hash }}
                label="Delete"
                ariaLabel={`Delete session ${i + 1} of ${p.name}`}
                className={quietButtonClass}
              />
            </li>
          ))}
          {p.tokens.map((t) => (
            <li key={t.sid} className="flex flex-wrap items-center gap-2">
              <code className="font-mono text-xs">sid {t.sid.slice(0, 8)}…</code>
              <span className="text-slate-600 dark:text-slate-400">
                {mode(t.strategy)} · {t.device}
              </span>
              {t.state === "live" ? (
                <ActionButton
                  action={denyToken}
                  fields={{ sid: t.sid, userId: p.id }}
                  label="Deny-list"
                  ariaLabel={`Deny-list token ${t.sid.slice(0, 8)} of ${p.name}`}
                  className={quietButtonClass}
                />
              ) : (
                <Badge tone={t.state === "denied" ? "red" : "slate"}>
                  {t.state === "denied" ? "deny-listed" : "key gone: dead"}
                </Badge>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {p.copies.length ? (
        <p className="mt-2">
          Stolen copies: {p.copies.length} ·{" "}
          {p.copies.flatMap((c) => c.replays).length ? (
            <>
              replays <Badge tone={accepted ? "red" : "green"}>{accepted} accepted</Badge>{" "}
              {p.copies
                .flatMap((c) => c.replays)
                .slice(0, 3)
                .map((r) => (
                  <span key={`${r.at}-${r.accepted}`} className="mr-2 text-slate-600 dark:text-slate-400">
                    {r.accepted ? "accepted" : "refused"}
                    {r.technique ? ` after ${r.technique}` : ""}
                    {!r.accepted && r.sinceRevokeMs !== null ? ` (${r.sinceRevokeMs} ms)` : ""}
                  </span>
                ))}
            </>
          ) : (
            "not replayed yet"
          )}
        </p>
      ) : null}
      {p.progress.length ? (
        <p className="mt-2 flex flex-wrap gap-2">
          <span>Lab checkpoints:</span>
          {p.progress.map((l) => (
            <Badge key={l.lab} tone={l.total !== undefined && l.reached === l.total ? "green" : "blue"}>
              {l.lab}: {l.reached}
              {l.total !== undefined ? `/${l.total}` : ""}
            </Badge>
          ))}
        </p>
      ) : null}
    </li>
  );
}
