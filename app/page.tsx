import Link from "next/link";
import { BrowserPanel } from "@/features/session-views/browser-panel";
import { browserCookies, sessionRows, tokenDetails } from "@/features/session-views/describe";
import { RequestPanel } from "@/features/session-views/request-panel";
import { ServerPanel } from "@/features/session-views/server-panel";
import { TokenPanel } from "@/features/session-views/token-panel";
import { StoreUnavailable } from "@/features/ui/store-unavailable";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGY_MODULES } from "@/lib/auth/strategies";
import { STRATEGY_LABELS } from "@/lib/auth/strategy";
import { now } from "@/lib/clock";
import { stores } from "@/lib/store";

export const metadata = { title: "Where does the state live? · Session Lab" };

const STORE_NAMES = { sqlite: "SQLite", postgresql: "PostgreSQL", redis: "Redis", memory: "memory" } as const;

export default async function HomePage({ searchParams }: { searchParams: Promise<{ signedOut?: string }> }) {
  const state = await getAuthState();
  const { user, scope, verdict } = state;
  const mode = STRATEGY_MODULES[scope.strategy];
  const { signedOut } = await searchParams;
  const signedIn = verdict.status === "signed-in" ? verdict : null;
  const cookies = browserCookies(scope, signedIn ? new Date(signedIn.expiresAt) : null);
  // Modes that keep rows show them; the others say what they keep instead.
  const keepsRows = mode.nextAuth === "database";
  const rows = keepsRows ? (user ? await sessionRows(user.id, scope) : []) : null;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Where does the state live?</h1>
        <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">{mode.intro}</p>
        <p role="status" className="mt-2 text-sm">
          {user ? (
            <>
              Signed in as <strong className="break-all">{user.email}</strong> ({user.role}) with a{" "}
              <strong>{STRATEGY_LABELS[scope.strategy]}</strong> session.
            </>
          ) : verdict.status === "unavailable" ? (
            <>The session store is unavailable: the server cannot tell who you are right now.</>
          ) : (
            <>
              {signedOut ? "You signed out. " : ""}Not signed in.{" "}
              <Link href="/signin" className="text-blue-700 underline dark:text-blue-400">
                Sign in
              </Link>{" "}
              to see a session appear in each panel.
            </>
          )}
        </p>
      </div>
      {verdict.status === "unavailable" ? <StoreUnavailable reason={verdict.reason} /> : null}
      <div className="grid gap-6 xl:grid-cols-2">
        <BrowserPanel cookies={cookies} totalBytes={cookies.reduce((n, c) => n + c.bytes, 0)} />
        <TokenPanel details={tokenDetails(state)} />
        <ServerPanel
          serverKeeps={mode.serverKeeps}
          rows={rows}
          now={now()}
          signedIn={Boolean(user)}
          storeName={STORE_NAMES[stores().sessions.name]}
        />
        <RequestPanel trace={state.trace} totalMs={state.totalMs} verdict={verdict} />
      </div>
    </div>
  );
}
