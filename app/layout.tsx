import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { PinForm } from "@/features/cluster/pin-form";
import { RoomBanner } from "@/features/room/banner";
import { signOutAction } from "@/features/sessions/sign-out";
import { StrategyToggle } from "@/features/strategy/strategy-toggle";
import { quietButtonClass } from "@/features/ui/card";
import { ThemeToggle } from "@/features/ui/theme-toggle";
import { asFormAction } from "@/lib/actions/guard";
import { COOKIES } from "@/lib/auth/cookies";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGIES, STRATEGY_LABELS } from "@/lib/auth/strategy";
import { env } from "@/lib/env";
import { isWorkshop } from "@/lib/room/mode";
import { themeOf } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: "Session Lab: sessions vs JWTs, live",
  description: "See where a signed-in user's state lives: server-side sessions and JWTs side by side.",
  icons: { icon: "/icon.svg" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

const NAV = [
  { href: "/", label: "Where state lives" },
  { href: "/labs", label: "Labs" },
  { href: "/compare", label: "Compare" },
  { href: "/revocation", label: "Revocation" },
  { href: "/services", label: "Other services" },
  { href: "/mailbox", label: "Mailbox" },
  { href: "/instructor", label: "Instructor" },
  { href: "/benchmarks", label: "Benchmarks" },
];
/** A workshop adds the participant's own pages (features/room). */
const ROOM_NAV = [
  { href: "/join", label: "Join" },
  { href: "/timeline", label: "My timeline" },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { user, scope } = await getAuthState();
  const theme = themeOf((await cookies()).get(COOKIES.theme.name(false))?.value);
  return (
    <html lang="en" className={theme}>
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
            <Link href="/" className="text-xl font-bold tracking-tight">
              Session Lab
            </Link>
            <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {[...NAV, ...(isWorkshop() ? ROOM_NAV : [])].map((n) => (
                <Link
                  key={n.href}
                  href={n.href}
                  className="text-slate-700 hover:text-blue-700 hover:underline dark:text-slate-300"
                >
                  {n.label}
                </Link>
              ))}
            </nav>
            <div className="flex min-w-0 flex-wrap items-center gap-4 md:ml-auto">
              <ThemeToggle initial={theme} />
              <StrategyToggle
                current={scope.strategy}
                locked={env.AUTH_STRATEGY_LOCKED}
                signedIn={Boolean(user)}
                options={STRATEGIES.map((s) => ({ value: s, label: STRATEGY_LABELS[s] }))}
              />
              {user ? (
                <form
                  action={asFormAction(signOutAction)}
                  className="flex min-w-0 flex-wrap items-center gap-2 text-sm"
                >
                  <span className="min-w-0 break-all">
                    Signed in as <strong>{isWorkshop() ? (user.name ?? user.email) : user.email}</strong>
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
        <RoomBanner />
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        <footer className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 pb-6 text-xs text-slate-600 dark:text-slate-400">
          <span>
            Served by instance{" "}
            <strong data-instance={env.SESSION_LAB_INSTANCE}>{env.SESSION_LAB_INSTANCE}</strong>
          </span>
          {env.SESSION_LAB_CLUSTER.length ? (
            <PinForm
              instances={env.SESSION_LAB_CLUSTER}
              pinned={(await cookies()).get(COOKIES.pin.name(scope.secure))?.value ?? null}
            />
          ) : null}
        </footer>
      </body>
    </html>
  );
}
