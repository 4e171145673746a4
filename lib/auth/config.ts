import "server-only";
import type { NextAuthConfig } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { recordEvent } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isWorkshop } from "@/lib/room/mode";
import { workshopMagicLinkAllowed } from "@/lib/room/policy";
import { roomProviders, signInMethod } from "@/lib/room/providers";
import { syncSettings } from "@/lib/settings";
import { labAdapter } from "./adapter";
import { authJsCookies } from "./cookies";
import { lifetimes } from "./lifetimes";
import { magicLinkProvider, passwordProvider, type SignedInUser } from "./providers";
import { revokeFamily } from "./refresh";
import { type RequestScope, requestScope, scopeOfRequest, wantsPersistence } from "./scope";
import { STRATEGY_MODULES } from "./strategies";
import { randomToken } from "./tokens";

/**
 * NextAuth's configuration, built per request (lazy config): the mode comes from the request
 * being served, so one browser can flip between database sessions and JWTs with no restart.
 * Everything that differs between modes comes from that mode's module; nothing here names one.
 */
export async function buildAuthConfig(req?: Request): Promise<NextAuthConfig> {
  await syncSettings();
  const scope = req ? scopeOfRequest(req) : await requestScope();
  const mode = STRATEGY_MODULES[scope.strategy];
  const l = lifetimes();

  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    // The lab and Auth.js must agree on the cookie names (__Secure-/__Host- or not): one table.
    useSecureCookies: scope.secure,
    cookies: authJsCookies(scope.secure),
    adapter: labAdapter(scope),
    providers: [passwordProvider, magicLinkProvider, ...roomProviders()],
    session: {
      strategy: mode.nextAuth,
      maxAge: l.idleS,
      updateAge: l.updateAgeS,
      generateSessionToken: () => randomToken(),
    },
    pages: { signIn: "/signin", error: "/signin", verifyRequest: "/signin/check-email" },
    jwt: {
      encode: ({ token, salt }) => mode.encode(token ?? {}, salt),
      decode: ({ token, salt }) => (token ? mode.decode(token, salt) : Promise.resolve(null)),
    },
    callbacks: {
      // Instructor accounts sign in with a password only: a magic link is as good as the mailbox
      // it lands in, and the lab's mailbox is a shared classroom device.
      async signIn({ user, account, email }) {
        if (account?.provider !== "email" || !user.email) return true;
        if (isWorkshop()) return workshopMagicLinkAllowed(user.email, Boolean(email?.verificationRequest));
        const known = await db.user.findUnique({
          where: { email: user.email.toLowerCase() },
          select: { role: true },
        });
        return known?.role !== "admin";
      },
      async jwt({ token, user, trigger }) {
        // "signUp" is a first magic-link sign-in of a new user: the same setup applies.
        if ((trigger !== "signIn" && trigger !== "signUp") || !user?.id) return token;
        return signIn(scope, user as Partial<SignedInUser> & { id: string }, token);
      },
      // An explicit allow-list: in database mode Auth.js hands us the raw row and user, and
      // nothing like a session token or password hash may reach /api/auth/session's JSON.
      async session({ session, token, user }) {
        const source = (user ?? token) as unknown as Record<string, unknown>;
        const text = (v: unknown) => (typeof v === "string" ? v : null);
        return {
          expires: session.expires,
          user: {
            id: String(source.id ?? source.sub ?? ""),
            name: text(source.name),
            email: text(source.email) ?? "",
            image: text(source.image ?? source.picture),
            role: text(source.role) ?? "user",
          },
        } as typeof session;
      },
    },
    events: {
      async signIn({ user, account }) {
        await recordEvent("sign-in", {
          userId: user.id,
          strategy: scope.strategy,
          detail: `${signInMethod(account?.provider)}, ${scope.strategy} mode`,
        });
      },
      async signOut(message) {
        if ("token" in message && typeof message.token?.fam === "string")
          await revokeFamily(message.token.fam, "signed out");
      },
    },
    logger: { error: quietError, warn: () => {}, debug: () => {} },
  };
}

/** Runs once per successful sign-in, whatever the provider: the mode sets its session up. */
async function signIn(scope: RequestScope, user: Partial<SignedInUser> & { id: string }, token: JWT) {
  const row = await db.user.findUnique({
    where: { id: user.id },
    select: { role: true, email: true, name: true },
  });
  return STRATEGY_MODULES[scope.strategy].signIn({
    scope,
    user: {
      id: user.id,
      role: row?.role ?? "user",
      email: row?.email ?? user.email ?? "",
      name: row?.name ?? null,
    },
    persistent: user.remember ?? wantsPersistence(scope),
    token,
  });
}

/** Bad cookies are routine here (the lab tampers with them on purpose): log one line, not a stack. */
function quietError(error: Error) {
  const name = (error as { type?: string }).type ?? error.name;
  if (
    ["JWTSessionError", "SessionTokenError", "CredentialsSignin", "Verification", "AccessDenied"].includes(
      name,
    )
  )
    return;
  console.error(`[auth] ${name}: ${error.message.split("\n")[0]}`);
}
