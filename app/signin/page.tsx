import Link from "next/link";
import { WorkshopSignIn } from "@/features/room/workshop-sign-in";
import { signInErrorMessage } from "@/features/signin/messages";
import { SignInForms } from "@/features/signin/sign-in-forms";
import { safeCallback } from "@/lib/auth/callback-url";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGY_LABELS } from "@/lib/auth/strategy";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo-accounts";
import { env } from "@/lib/env";
import { isWorkshop } from "@/lib/room/mode";

export const metadata = { title: "Sign in · Session Lab" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  const error = signInErrorMessage(text(params.error), text(params.code));
  const { scope, user } = await getAuthState();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <p className="text-slate-700 dark:text-slate-300">
        You will get a <strong>{STRATEGY_LABELS[scope.strategy]}</strong> session. Switch the strategy in the
        header first if you want the other kind.
        {user ? ` You are already signed in as ${user.email}; signing in again replaces that session.` : ""}
      </p>
      {error ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-300"
        >
          {error}
        </p>
      ) : null}
      {isWorkshop() ? <WorkshopSignIn scope={scope} callbackUrl={safeCallback(params.callbackUrl)} /> : null}
      <SignInForms callbackUrl={safeCallback(params.callbackUrl)} />
      {env.SESSION_LAB_DEMO && !isWorkshop() ? (
        <section
          aria-labelledby="demo-title"
          className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
        >
          <h2 id="demo-title" className="text-lg font-semibold">
            Demo accounts
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Every demo account uses the password <code className="font-mono">{DEMO_PASSWORD}</code>. Passwords
            are stored only as scrypt hashes.
          </p>
          <table className="mt-3 w-full text-left text-sm">
            <thead>
              <tr>
                <th className="py-1">Email</th>
                <th className="py-1">Role</th>
              </tr>
            </thead>
            <tbody>
              {DEMO_ACCOUNTS.map((a) => (
                <tr key={a.email} className="border-t border-slate-100 dark:border-slate-700">
                  <td className="py-1 font-mono">{a.email}</td>
                  <td className="py-1">{a.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-3 text-sm">
            Magic links (not for the instructor account) arrive in the{" "}
            <Link href="/mailbox" className="text-blue-700 underline dark:text-blue-300">
              Mailbox
            </Link>
            .
          </p>
        </section>
      ) : null}
    </div>
  );
}
