import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/features/sessions/sign-out";
import { StrategyToggle } from "@/features/strategy/strategy-toggle";
import { quietButtonClass } from "@/features/ui/card";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGIES, STRATEGY_LABELS } from "@/lib/auth/strategy";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: "Session Lab: sessions vs JWTs, live",
  description: "See where a signed-in user's state lives: server-side sessions and JWTs side by side.",
};

const NAV = [
  { href: "/", label: "Where state lives" },
  { href: "/revocation", label: "Revocation" },
  { href: "/mailbox", label: "Mailbox" },
  { href: "/instructor", label: "Instructor" },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { session, ctx } = await getAuthState();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
            <Link href="/" className="text-xl font-bold tracking-tight">
              Session Lab
            </Link>
            <nav aria-label="Main" className="flex flex-wrap gap-4 text-sm">
              {NAV.map((n) => (
                <Link
                  key={n.href}
                  href={n.href}
                  className="text-slate-700 hover:text-blue-700 hover:underline"
                >
                  {n.label}
                </Link>
              ))}
            </nav>
            <div className="ml-auto flex flex-wrap items-center gap-4">
              <StrategyToggle
                current={ctx.strategy}
                locked={env.AUTH_STRATEGY_LOCKED}
                options={STRATEGIES.map((s) => ({ value: s, label: STRATEGY_LABELS[s] }))}
              />
              {session ? (
                <form action={signOutAction} className="flex items-center gap-2 text-sm">
                  <span>
                    Signed in as <strong>{session.user.email}</strong>
                  </span>
                  <button type="submit" className={quietButtonClass}>
                    Sign out
                  </button>
                </form>
              ) : (
                <Link href="/signin" className={quietButtonClass}>
                  Sign in
                </Link>
              )}
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
