import { notFound } from "next/navigation";
import { Card } from "@/features/ui/card";
import { when } from "@/features/ui/format";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export const metadata = { title: "Mailbox · Session Lab" };

/**
 * The dev mailbox: where Auth.js's magic-link emails land instead of SMTP. Demo mode only; in a
 * workshop everyone shares it, so it can be narrowed to one address.
 */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!env.SESSION_LAB_DEMO) notFound();
  const { to } = await searchParams;
  const filter = typeof to === "string" && to.length <= 254 ? to.trim().toLowerCase() : "";
  const messages = await db.mailMessage.findMany({
    where: filter ? { to: filter } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  const t = now();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">Mailbox</h1>
      <search>
        <form className="flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium">
            Show mail for
            <input
              name="to"
              type="email"
              defaultValue={filter}
              className="ml-2 rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-sm">
            Filter
          </button>
        </form>
      </search>
      <Card
        id="inbox"
        title={`Messages (${messages.length})`}
        subtitle="Each link works once and expires after 15 minutes."
      >
        {messages.length === 0 ? (
          <p className="text-slate-600">No mail yet. Ask for a magic link on the sign-in page.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {messages.map((m) => (
              <li key={m.id} className="py-3">
                <p className="text-sm">
                  To <strong>{m.to}</strong> · {when(m.createdAt)}{" "}
                  {m.expires.getTime() < t ? "· expired" : ""}
                </p>
                <p className="font-medium">{m.subject}</p>
                <a href={m.url} className="text-blue-700 underline">
                  Sign in as {m.to}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
