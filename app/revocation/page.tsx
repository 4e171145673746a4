import Link from "next/link";
import { JwtPanel } from "@/features/revocation/jwt-panel";
import { LifetimesPanel } from "@/features/revocation/lifetimes-panel";
import { RefreshPanel } from "@/features/revocation/refresh-panel";
import { SessionsPanel } from "@/features/revocation/sessions-panel";
import { StolenPanel } from "@/features/revocation/stolen-panel";
import { TechniquesTable } from "@/features/revocation/techniques";
import { denyListEnforced } from "@/lib/auth/deny-list";
import { persistentChoice, sessionRows } from "@/lib/auth/describe";
import { claimsOf, getAuthState } from "@/lib/auth/state";
import { STRATEGY_LABELS } from "@/lib/auth/strategy";
import { now, offset } from "@/lib/clock";
import { env } from "@/lib/env";
import { myTokens } from "@/lib/revocation/jwt";
import { labId } from "@/lib/revocation/lab-id";
import { readNotice } from "@/lib/revocation/notice";
import { listCopies } from "@/lib/revocation/stolen";

export const metadata = { title: "Revocation · Session Lab" };

export default async function RevocationPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string }>;
}) {
  const notice = readNotice((await searchParams).notice);
  const state = await getAuthState();
  const { session, ctx, trace } = state;
  const bench = await labId(false);
  const copies = bench ? await listCopies(bench) : [];
  const claims = claimsOf(state);
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  const str = (v: unknown) => (typeof v === "string" ? v : null);

  const rows = session && ctx.strategy === "database" ? await sessionRows(session.user.id, ctx) : [];
  const tokens = session && ctx.strategy !== "database" ? await myTokens(session.user.id) : null;
  const current = rows.find((r) => r.current);
  const authTime =
    current?.authTime ?? (num(claims.authTime) ? new Date((num(claims.authTime) ?? 0) * 1000) : null);
  const idleEnd = current?.expires ?? (num(claims.exp) ? new Date((num(claims.exp) ?? 0) * 1000) : null);
  const denyStep = trace.steps.find((s) => s.label.startsWith("Deny-list"));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Revocation</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          {session ? (
            <>
              How do you end access? With a <strong>{STRATEGY_LABELS[ctx.strategy]}</strong> session, these
              are the levers you have. Keep a stolen copy first, then pull a lever and replay it.
            </>
          ) : (
            <>
              You are signed out.{" "}
              <Link href="/signin?callbackUrl=/revocation" className="text-blue-700 underline">
                Sign in
              </Link>{" "}
              to end sessions; any stolen copies you kept can still be replayed below.
            </>
          )}
        </p>
      </div>
      {notice ? (
        <p role="status" className="rounded-md border border-blue-300 bg-blue-50 p-3 text-blue-900">
          {notice}
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-2">
        <StolenPanel copies={copies} signedIn={Boolean(session)} />
        {session && ctx.strategy === "database" ? <SessionsPanel rows={rows} now={now()} /> : null}
        {session && tokens ? (
          <JwtPanel
            tokens={tokens}
            enforcing={denyListEnforced()}
            currentSid={str(claims.sid)}
            lookupMs={denyStep?.ms ?? null}
          />
        ) : null}
        {session && tokens && ctx.strategy === "jwt-refresh" ? (
          <RefreshPanel
            families={tokens.families}
            currentFamily={str(claims.fam)}
            accessExp={num(claims.exp) ? (num(claims.exp) ?? 0) * 1000 : null}
            offsetMs={offset()}
            ttl={env.AUTH_ACCESS_TOKEN_TTL}
          />
        ) : null}
        {session ? (
          <LifetimesPanel
            l={{
              idleS: env.AUTH_SESSION_MAX_AGE,
              updateAgeS: env.AUTH_SESSION_UPDATE_AGE,
              absoluteS: env.AUTH_ABSOLUTE_MAX_AGE,
              accessTtlS: ctx.strategy === "jwt-refresh" ? env.AUTH_ACCESS_TOKEN_TTL : null,
              authTime,
              idleEnd,
              absoluteEnd: authTime ? new Date(authTime.getTime() + env.AUTH_ABSOLUTE_MAX_AGE * 1000) : null,
              persistent: persistentChoice(ctx),
              now: now(),
            }}
          />
        ) : null}
        <TechniquesTable />
      </div>
    </div>
  );
}
