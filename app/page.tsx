import Link from "next/link";
import { BrowserPanel } from "@/features/session-views/browser-panel";
import { RequestPanel } from "@/features/session-views/request-panel";
import { ServerPanel } from "@/features/session-views/server-panel";
import { TokenPanel } from "@/features/session-views/token-panel";
import { browserCookies, sessionRows, tokenDetails } from "@/lib/auth/describe";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGY_LABELS } from "@/lib/auth/strategy";
import { now } from "@/lib/clock";

export const metadata = { title: "Where does the state live? · Session Lab" };

const INTRO = {
  database:
    "Database sessions: the cookie holds a random id; the session itself is a row on the server, looked up on every request.",
  jwt: "JWT sessions: the cookie holds the whole session, encrypted; the server keeps nothing and trusts whatever it can decrypt.",
  "jwt-refresh":
    "JWT + refresh: a JWT that lives only a minute, renewed by a one-time refresh token the server does track.",
} as const;

export default async function HomePage({ searchParams }: { searchParams: Promise<{ signedOut?: string }> }) {
  const state = await getAuthState();
  const { session, ctx } = state;
  const { signedOut } = await searchParams;
  const details = tokenDetails(state);
  const expiresFact = state.trace.facts.expires;
  const sessionExpires = expiresFact
    ? new Date(expiresFact)
    : typeof details?.claims?.exp === "number"
      ? new Date(details.claims.exp * 1000)
      : null;
  const cookies = browserCookies(ctx, sessionExpires);
  const rows = session && ctx.strategy === "database" ? await sessionRows(session.user.id, ctx) : [];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Where does the state live?</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{INTRO[ctx.strategy]}</p>
        <p role="status" className="mt-2 text-sm">
          {session ? (
            <>
              Signed in as <strong>{session.user.email}</strong> ({session.user.role}) with a{" "}
              <strong>{STRATEGY_LABELS[ctx.strategy]}</strong> session.
            </>
          ) : (
            <>
              {signedOut ? "You signed out. " : ""}Not signed in.{" "}
              <Link href="/signin" className="text-blue-700 underline">
                Sign in
              </Link>{" "}
              to see a session appear in each panel.
            </>
          )}
        </p>
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <BrowserPanel cookies={cookies} totalBytes={cookies.reduce((n, c) => n + c.bytes, 0)} />
        <TokenPanel strategy={ctx.strategy} details={details} />
        <ServerPanel strategy={ctx.strategy} rows={rows} now={now()} signedIn={Boolean(session)} />
        <RequestPanel trace={state.trace} totalMs={state.totalMs} signedIn={Boolean(session)} />
      </div>
    </div>
  );
}
