import Link from "next/link";
import { denyToken, endUser } from "@/features/instructor/actions";
import { OutageCard } from "@/features/instructor/outage-card";
import { ClockCard, KeysCard, SigningKeys } from "@/features/instructor/server-levers";
import { InstructorSignIn } from "@/features/room/instructor-sign-in";
import { RoomConsole } from "@/features/room/room-console";
import { ActionButton } from "@/features/sessions/action-button";
import { Badge, Card, dangerButtonClass, quietButtonClass } from "@/features/ui/card";
import { device } from "@/features/ui/device";
import { when } from "@/features/ui/format";
import { StoreUnavailable } from "@/features/ui/store-unavailable";
import { overview, requireAdmin } from "@/lib/admin";
import { listKeys } from "@/lib/auth/keyring";
import { syncClock } from "@/lib/clock";
import { isWorkshop } from "@/lib/room/mode";
import { outageStatus } from "@/lib/store/outage-board";

export const metadata = { title: "Instructor · Session Lab" };

export default async function InstructorPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; q?: string }>;
}) {
  const params = await searchParams;
  const admin = await requireAdmin();
  if (!admin && isWorkshop()) return <InstructorSignIn />;
  if (!admin) {
    return (
      <div className="mx-auto max-w-xl space-y-3">
        <h1 className="text-2xl font-bold">Instructor console</h1>
        <p role="alert">
          Instructor only.{" "}
          <Link href="/signin?callbackUrl=/instructor" className="text-blue-700 underline dark:text-blue-300">
            Sign in
          </Link>{" "}
          as an admin (the demo account is instructor@example.com).
        </p>
      </div>
    );
  }
  // During a session-store outage the rest of the console cannot load: show the drill alone.
  if (outageStatus().database > 0) return <OutageConsole />;
  await syncClock(true);
  const search = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const pageNo = Math.max(0, Number.parseInt(String(params.page ?? "1"), 10) - 1 || 0);
  if (isWorkshop()) return <RoomConsole page={pageNo} search={search} />;
  const [keys, room] = await Promise.all([listKeys(true), overview({ page: pageNo, search })]);
  const users = room.users;
  const retired = new Set(keys.filter((k) => k.status === "retired").map((k) => k.id));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Instructor console</h1>
      <div className="grid gap-6 xl:grid-cols-2">
        <ClockCard />
        <KeysCard />
        <SigningKeys />
        <OutageCard />
      </div>
      <Card
        id="users"
        title="Everyone's sessions and tokens"
        subtitle="Database sessions end at once. JWTs can only be refused through the deny-list; a JWT checked without it cannot be stopped before it expires."
      >
        <search>
          <form className="mb-4 flex flex-wrap items-end gap-2 text-sm">
            <label className="font-medium">
              Find a user
              <input
                name="q"
                type="search"
                maxLength={100}
                defaultValue={search}
                className="ml-2 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
              />
            </label>
            <button type="submit" className={quietButtonClass}>
              Search
            </button>
            <span className="text-slate-600 dark:text-slate-400">
              {room.total} user{room.total === 1 ? "" : "s"} · page {room.page + 1} of {room.pages}
            </span>
          </form>
        </search>
        <ul className="space-y-4">
          {users.map((u) => (
            <li key={u.id} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="flex flex-wrap items-center gap-2">
                  <strong className="break-all">{u.email}</strong>
                  <Badge>{u.role}</Badge>
                  <span className="text-slate-600 dark:text-slate-400">
                    {u.sessions.length} database session{u.sessions.length === 1 ? "" : "s"} ·{" "}
                    {u.tokens.length} JWT sign-in{u.tokens.length === 1 ? "" : "s"} · {u.activeFamilies}{" "}
                    active refresh famil{u.activeFamilies === 1 ? "y" : "ies"}
                  </span>
                </div>
                <ActionButton
                  action={endUser}
                  fields={{ userId: u.id }}
                  label="End everything"
                  ariaLabel={`End every session and token of ${u.email}`}
                  className={dangerButtonClass}
                />
              </div>
              {u.sessions.length ? (
                <ul className="mt-2 space-y-0.5">
                  {u.sessions.map((s) => (
                    <li key={s.sessionToken}>
                      Session on {device(s.userAgent)} · last seen {when(s.lastSeenAt)} · expires{" "}
                      {when(s.expires)}
                    </li>
                  ))}
                </ul>
              ) : null}
              {u.tokens.length ? (
                <ul className="mt-2 space-y-1">
                  {u.tokens.map((t) => (
                    <li key={t.sid} className="flex flex-wrap items-center gap-2">
                      <code className="font-mono text-xs">sid {t.sid}</code>
                      <span className="text-slate-600 dark:text-slate-400">
                        {t.strategy} · signed in {when(t.createdAt)} on {device(t.userAgent)}
                      </span>
                      {retired.has(t.keyId ?? "") ? (
                        <Badge>key retired: already dead</Badge>
                      ) : t.denied ? (
                        <Badge tone="red">deny-listed</Badge>
                      ) : (
                        <ActionButton
                          action={denyToken}
                          fields={{ sid: t.sid, userId: u.id }}
                          label="Deny-list"
                          ariaLabel={`Deny-list token ${t.sid} of ${u.email}`}
                          className={quietButtonClass}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
        <nav aria-label="Pages of users" className="mt-4 flex gap-3 text-sm">
          {room.page > 0 ? (
            <Link href={pageHref(room.page, search)} className="text-blue-700 underline dark:text-blue-400">
              Previous page
            </Link>
          ) : null}
          {room.page + 1 < room.pages ? (
            <Link
              href={pageHref(room.page + 2, search)}
              className="text-blue-700 underline dark:text-blue-400"
            >
              Next page
            </Link>
          ) : null}
        </nav>
      </Card>
    </div>
  );
}

function OutageConsole() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Instructor console</h1>
      <StoreUnavailable reason="The session store is down (the outage drill below). The rest of this console reads it, so only the drill is shown." />
      <OutageCard />
    </div>
  );
}

function pageHref(page: number, search: string): string {
  const q = new URLSearchParams({ page: String(page), ...(search ? { q: search } : {}) });
  return `/instructor?${q}`;
}
