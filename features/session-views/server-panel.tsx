import { Badge, Card, Mono } from "@/features/ui/card";
import { relative, when } from "@/features/ui/format";
import type { sessionRows } from "./describe";

type Rows = Awaited<ReturnType<typeof sessionRows>>;

/**
 * What the server stores. `rows` is null in modes that keep no session row; `serverKeeps` is the
 * mode's own description (from its strategy module).
 */
export function ServerPanel({
  serverKeeps,
  rows,
  now,
  signedIn,
  storeName,
}: {
  serverKeeps: string;
  rows: Rows | null;
  now: number;
  signedIn: boolean;
  storeName: string;
}) {
  if (rows === null) {
    return (
      <Card id="server" title="Server" subtitle="What the server stores for this session.">
        <p className="text-base">{serverKeeps}</p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          That is also why it cannot be taken back: there is no row to delete. See the Revocation page.
          {signedIn
            ? " (The lab keeps an audit ledger of issued token ids for the instructor; verification never reads it.)"
            : ""}
        </p>
      </Card>
    );
  }
  return (
    <Card
      id="server"
      title="Server"
      subtitle={`Your session rows in the session store (${storeName}). ${serverKeeps}`}
    >
      {!signedIn ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Signed out: no session row for this browser.
        </p>
      ) : (
        <ul className="space-y-3">
          {rows.map((r) => (
            <li key={r.hash} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700">
              <div className="flex flex-wrap items-center gap-2">
                <strong>{r.device}</strong>
                {r.current ? <Badge tone="green">this device</Badge> : null}
                <Badge tone="blue">{r.persistent ? "remembered" : "browser session"}</Badge>
              </div>
              <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5">
                <dt className="text-slate-500 dark:text-slate-400">Stored id</dt>
                <dd>
                  <Mono>SHA-256 {r.hash.slice(0, 16)}…</Mono> (the cookie value itself is not stored)
                </dd>
                <dt className="text-slate-500 dark:text-slate-400">Signed in</dt>
                <dd>{when(r.authTime)}</dd>
                <dt className="text-slate-500 dark:text-slate-400">Last seen</dt>
                <dd>
                  {when(r.lastSeenAt)} ({relative(r.lastSeenAt.getTime(), now)})
                </dd>
                <dt className="text-slate-500 dark:text-slate-400">Expires</dt>
                <dd>
                  {when(r.expires)} ({relative(r.expires.getTime(), now)})
                </dd>
                <dt className="text-slate-500 dark:text-slate-400">IP</dt>
                <dd>{r.ip ?? "unknown"}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
