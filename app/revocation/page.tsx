import Link from "next/link";
import { SessionsPanel } from "@/features/revocation/sessions-panel";
import { sessionRows } from "@/lib/auth/describe";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGY_LABELS } from "@/lib/auth/strategy";
import { now } from "@/lib/clock";

export const metadata = { title: "Revocation · Session Lab" };

export default async function RevocationPage() {
  const { session, ctx } = await getAuthState();
  if (!session) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">Revocation</h1>
        <p>
          You are signed out.{" "}
          <Link href="/signin?callbackUrl=/revocation" className="text-blue-700 underline">
            Sign in
          </Link>{" "}
          to end sessions and watch what happens to a stolen copy of your cookie.
        </p>
      </div>
    );
  }
  const rows = ctx.strategy === "database" ? await sessionRows(session.user.id, ctx) : [];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Revocation</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          How do you end access? With a <strong>{STRATEGY_LABELS[ctx.strategy]}</strong> session, these are
          the levers you have.
        </p>
      </div>
      {ctx.strategy === "database" ? <SessionsPanel rows={rows} now={now()} /> : null}
    </div>
  );
}
