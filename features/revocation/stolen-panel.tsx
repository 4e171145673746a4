import { ActionButton } from "@/features/sessions/action-button";
import { Badge, buttonClass, Card, quietButtonClass, ScrollArea } from "@/features/ui/card";
import { when } from "@/features/ui/format";
import { isStrategy, STRATEGY_LABELS } from "@/lib/auth/strategy";
import { techniqueLabel } from "@/lib/revocation/events";
import type { listCopies } from "@/lib/revocation/stolen";
import { discardAction, keepCopyAction, replayAction } from "./actions";

type Copies = Awaited<ReturnType<typeof listCopies>>;

/** The experiment: keep what a cookie thief would hold, end the session, replay it, see who wins. */
export function StolenPanel({ copies, signedIn }: { copies: Copies; signedIn: boolean }) {
  return (
    <Card
      id="stolen"
      title="Stolen-copy experiment"
      subtitle="Keep a copy of your session cookie, exactly what an attacker (XSS on a careless site, malware, a shared laptop) would hold. Then end your session any way you like and replay the copy from the server, sending nothing but that cookie."
    >
      {signedIn ? (
        <ActionButton
          action={keepCopyAction}
          label="Keep a stolen copy of my cookie"
          className={buttonClass}
        />
      ) : null}
      {copies.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">No copies yet.</p>
      ) : (
        <ul className="mt-4 space-y-4">
          {copies.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <strong>
                  Copy of a {isStrategy(c.strategy) ? STRATEGY_LABELS[c.strategy] : c.strategy} cookie
                </strong>
                <span className="text-slate-600 dark:text-slate-400">taken {when(c.createdAt)}</span>
                {c.expiresAt ? <Badge tone="amber">token exp {when(c.expiresAt)}</Badge> : null}
                {c.withRefresh ? <Badge tone="amber">with refresh token</Badge> : null}
                {c.withCache ? <Badge tone="amber">with cache cookie</Badge> : null}
              </div>
              <div className="mt-2 flex flex-wrap gap-3">
                <ActionButton
                  action={replayAction}
                  fields={{ copyId: c.id }}
                  label="Replay stolen copy"
                  className={buttonClass}
                />
                <ActionButton
                  action={discardAction}
                  fields={{ copyId: c.id }}
                  label="Discard copy"
                  ariaLabel="Discard this stolen copy"
                  className={quietButtonClass}
                />
              </div>
              {c.replays.length ? (
                <ScrollArea label="Replays of this copy (scrolls sideways)" className="mt-3">
                  <table className="w-full min-w-[32rem] table-fixed text-left text-sm">
                    <caption className="sr-only">Replays of this copy, newest first</caption>
                    <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">
                      <tr>
                        <th className="w-28 py-1 pr-2">When</th>
                        <th className="w-24 py-1 pr-2">Outcome</th>
                        <th className="w-36 py-1 pr-2">After revocation</th>
                        <th className="py-1">Why</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.replays.map((r) => (
                        <tr key={r.id} className="border-t border-slate-100 align-top dark:border-slate-700">
                          <td className="py-1 pr-2">{when(r.at)}</td>
                          <td className="py-1 pr-2">
                            {r.accepted ? (
                              <Badge tone="red">accepted</Badge>
                            ) : (
                              <Badge tone="green">rejected</Badge>
                            )}
                          </td>
                          <td className="py-1 pr-2">
                            {r.sinceRevokeMs !== null && r.technique
                              ? `${formatDelta(r.sinceRevokeMs)} after “${techniqueLabel(r.technique)}”`
                              : "—"}
                          </td>
                          <td className="break-words py-1">{r.reason}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollArea>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function formatDelta(msValue: number): string {
  if (msValue < 1000) return `${msValue} ms`;
  if (msValue < 120_000) return `${(msValue / 1000).toFixed(1)} s`;
  if (msValue < 7_200_000) return `${Math.round(msValue / 60_000)} min`;
  return `${(msValue / 3_600_000).toFixed(1)} h`;
}
