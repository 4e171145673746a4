import Link from "next/link";
import { notFound } from "next/navigation";
import { JoinForm, PairForm, SignInAgain } from "@/features/room/join-forms";
import { PairingCode } from "@/features/room/pairing-code";
import { Card } from "@/features/ui/card";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGY_LABELS } from "@/lib/auth/strategy";
import { joiningOpen } from "@/lib/room/joining";
import { isWorkshop } from "@/lib/room/mode";
import { participantById, participantOfScope } from "@/lib/room/participants";

export const metadata = { title: "Join · Session Lab" };

/**
 * A participant's door to the room. Signed in: who you are here, and a pairing code for a second
 * device. Signed out with a key: sign in again. New here: a display name (unless the instructor
 * closed joining), or a code from your other device.
 */
export default async function JoinPage() {
  if (!isWorkshop()) notFound();
  const { user, scope } = await getAuthState();
  const me = user ? await participantById(user.id) : null;
  const held = me ? null : await participantOfScope(scope);
  const open = await joiningOpen();
  const mode = STRATEGY_LABELS[scope.strategy];
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">Join the workshop</h1>
      {me ? (
        <Card
          id="you"
          title={`You are in the room as ${me.name}`}
          subtitle={`Signed in with a ${mode} session.`}
        >
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Everything you do here is yours alone: your sessions, stolen copies, deny-list entries and mail.
            The instructor sees the room; other participants see nothing of yours. Start with{" "}
            <Link href="/" className="text-blue-700 underline dark:text-blue-300">
              Where state lives
            </Link>
            , and follow your events on{" "}
            <Link href="/timeline" className="text-blue-700 underline dark:text-blue-300">
              My timeline
            </Link>
            .
          </p>
          <h3 className="mt-4 font-semibold">Add a second device</h3>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
            Some labs need two browsers. Show a code here, then type it on the other device&apos;s Join page.
          </p>
          <PairingCode />
        </Card>
      ) : user ? (
        <p
          role="status"
          className="rounded-md border border-blue-300 bg-blue-50 p-3 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-300"
        >
          You are signed in as {user.name ?? user.email}, not as a participant. Joining below signs you in as
          a new participant on this browser.
        </p>
      ) : null}
      {held ? (
        <Card id="again" title={`Welcome back, ${held.name}`} subtitle={`You will get a ${mode} session.`}>
          <SignInAgain name={held.name} />
        </Card>
      ) : null}
      {me ? null : (
        <div className="grid gap-6 md:grid-cols-2">
          {open ? (
            <JoinForm />
          ) : (
            <p
              role="status"
              className="rounded-xl border border-amber-300 bg-amber-50 p-5 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-300"
            >
              Joining is closed: the instructor is not taking new participants right now. If you already
              joined on another device, pair this one with a code.
            </p>
          )}
          <PairForm />
        </div>
      )}
    </div>
  );
}
