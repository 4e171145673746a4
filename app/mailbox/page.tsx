import { notFound } from "next/navigation";
import { Card } from "@/features/ui/card";
import { when } from "@/features/ui/format";
import { MAX_EMAIL_LENGTH } from "@/lib/auth/providers";
import { getAuthState } from "@/lib/auth/state";
import { env } from "@/lib/env";
import { readMail } from "@/lib/mailbox";
import { labId } from "@/lib/revocation/lab-id";

export const metadata = { title: "Mailbox · Session Lab" };

/**
 * The dev mailbox: where Auth.js's magic-link emails land instead of SMTP. Demo mode only. Each
 * browser sees the mail it asked for; the instructor sees everyone's.
 */
export default async function MailboxPage({
  searchParams,
}: {
  searchParams: Promise<{ to?: string | string[] }>;
}) {
  if (!env.SESSION_LAB_DEMO) notFound();
  const { to } = await searchParams;
  const raw = typeof to === "string" ? to.trim().toLowerCase() : "";
  const tooLong = raw.length > MAX_EMAIL_LENGTH;
  const filter = tooLong ? "" : raw;
  const { user } = await getAuthState();
  const { messages, scope } = await readMail({ benchId: await labId(false), user }, filter);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">Mailbox</h1>
      <p className="text-slate-700 dark:text-slate-300">
        {scope === "all"
          ? "As the instructor you see every message on this server."
          : "You see the sign-in links this browser asked for (and any you asked for while signed in). A link is as good as a password until it is used, so nobody else's mail is shown here."}
      </p>
      <search>
        <form className="flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium">
            Show mail for
            <input
              name="to"
              type="email"
              maxLength={MAX_EMAIL_LENGTH}
              defaultValue={filter}
              className="ml-2 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-600"
          >
            Filter
          </button>
        </form>
        {tooLong ? (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
            An email address has at most {MAX_EMAIL_LENGTH} characters; showing all your mail instead.
          </p>
        ) : null}
      </search>
      <Card
        id="inbox"
        title={`Messages (${messages.length})`}
        subtitle="Each link works once and expires after 15 minutes."
      >
        {messages.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">
            No mail yet. Ask for a magic link on the sign-in page.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {messages.map((m) => (
              <li key={m.id} className="py-3">
                <p className="text-sm">
                  To <strong className="break-all">{m.to}</strong> · {when(m.createdAt)}{" "}
                  {m.expired ? "· expired" : ""}
                </p>
                <p className="font-medium">{m.subject}</p>
                {m.url ? (
                  <a href={m.url} className="text-blue-700 underline dark:text-blue-400">
                    Sign in as {m.to}
                  </a>
                ) : (
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    This link was sealed with another server secret and cannot be opened.
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
