import Link from "next/link";
import { CachePanel } from "@/features/revocation/cache-panel";
import { JwtPanel } from "@/features/revocation/jwt-panel";
import { LifetimesPanel } from "@/features/revocation/lifetimes-panel";
import { RefreshPanel } from "@/features/revocation/refresh-panel";
import { SessionsPanel } from "@/features/revocation/sessions-panel";
import { StolenPanel } from "@/features/revocation/stolen-panel";
import { TechniquesTable } from "@/features/revocation/techniques";
import { sessionRows } from "@/features/session-views/describe";
import { StoreUnavailable } from "@/features/ui/store-unavailable";
import { denyListEnforced } from "@/lib/auth/deny-list";
import { lifetimes } from "@/lib/auth/lifetimes";
import { wantsPersistence } from "@/lib/auth/scope";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGY_MODULES } from "@/lib/auth/strategies";
import { STRATEGY_LABELS } from "@/lib/auth/strategy";
import { now, offset } from "@/lib/clock";
import { benchReplay, myTokens } from "@/lib/revocation/jwt";
import { labId } from "@/lib/revocation/lab-id";
import { NOTICES, readNotice, readReplayId } from "@/lib/revocation/notice";
import { listCopies } from "@/lib/revocation/stolen";
import { stores } from "@/lib/store";

export const metadata = { title: "Revocation · Session Lab" };

export default async function RevocationPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string; replay?: string }>;
}) {
  const params = await searchParams;
  const state = await getAuthState();
  const { user, scope, verdict, trace } = state;
  const mode = STRATEGY_MODULES[scope.strategy];
  if (verdict.status === "unavailable") {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">Revocation</h1>
        <StoreUnavailable reason={verdict.reason} />
        <TechniquesTable />
      </div>
    );
  }
  const signedIn = verdict.status === "signed-in" ? verdict : null;
  const bench = await labId(false);
  const code = readNotice(params.notice);
  const replay = code
    ? await benchReplay(bench, readReplayId(params.replay), signedIn?.user.id ?? null)
    : null;
  const copies = bench ? await listCopies(bench) : [];
  const claims = signedIn?.claims ?? null;
  const rows = signedIn && mode.nextAuth === "database" ? await sessionRows(signedIn.user.id, scope) : [];
  const tokens = signedIn && claims ? await myTokens(signedIn.user.id) : null;
  const denyStep = trace.steps.find((s) => s.id === "denylist.lookup");
  const l = lifetimes();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Revocation</h1>
        <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">
          {user ? (
            <>
              How do you end access? With a <strong>{STRATEGY_LABELS[scope.strategy]}</strong> session, these
              are the levers you have. Keep a stolen copy first, then pull a lever and replay it.
            </>
          ) : (
            <>
              You are signed out.{" "}
              <Link
                href="/signin?callbackUrl=/revocation"
                className="text-blue-700 underline dark:text-blue-400"
              >
                Sign in
              </Link>{" "}
              to end sessions; any stolen copies you kept can still be replayed below.
            </>
          )}
        </p>
      </div>
      {code ? (
        <p
          role="status"
          className="rounded-md border border-blue-300 bg-blue-50 p-3 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100"
        >
          {NOTICES[code]}
          {replay
            ? replay.accepted
              ? " The attacker replayed the stolen copy at once: still accepted."
              : ` The attacker replayed the stolen copy at once: rejected after ${replay.sinceRevokeMs ?? "?"} ms.`
            : ""}
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-2">
        <StolenPanel copies={copies} signedIn={Boolean(user)} />
        {signedIn && mode.nextAuth === "database" ? <SessionsPanel rows={rows} now={now()} /> : null}
        {signedIn && mode.extraCookies.includes("cache") ? (
          <CachePanel cacheS={l.cacheS} hit={signedIn.cache === "hit"} />
        ) : null}
        {tokens && claims ? (
          <JwtPanel
            tokens={tokens}
            enforcing={denyListEnforced()}
            canSwitch={user?.role === "admin"}
            currentSid={claims.sid}
            lookupMs={denyStep?.ms ?? null}
            storeName={stores().denyList.name}
          />
        ) : null}
        {tokens && claims?.fam ? (
          <RefreshPanel
            families={tokens.families}
            currentFamily={claims.fam}
            accessExp={claims.exp * 1000}
            offsetMs={offset()}
            ttl={l.accessS}
          />
        ) : null}
        {signedIn ? (
          <LifetimesPanel
            rules={mode.lifetimeRules(l)}
            authTime={new Date(signedIn.authTime)}
            endsAt={new Date(signedIn.expiresAt)}
            absoluteEnd={new Date(signedIn.authTime + l.absoluteS * 1000)}
            persistent={wantsPersistence(scope)}
            now={now()}
          />
        ) : null}
        <TechniquesTable />
      </div>
    </div>
  );
}
