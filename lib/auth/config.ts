import "server-only";
import type { NextAuthConfig } from "next-auth";
import { nowSeconds, syncClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { denyListEnforced } from "./deny-list";
import { type CodecOptions, decodeSessionJwt, encodeSessionJwt } from "./jwt-codec";
import { usableKeys } from "./keyring";
import { magicLinkProvider, passwordProvider, type SignedInUser } from "./providers";
import { revokeFamily, startRefreshFamily } from "./refresh";
import { setRefreshCookie } from "./refresh-cookie";
import { REMEMBER_COOKIE, type RequestContext, requestContext, sessionCookieName } from "./request";
import { createSessionRow, sessionStore } from "./session-store";
import { nextAuthStrategy } from "./strategy";
import { randomToken } from "./tokens";

/**
 * NextAuth's configuration, built per request (lazy config): the strategy, the deny-list switch
 * and the session store all come from the request being served, so one browser can flip between
 * database sessions and JWTs with no restart.
 */
export async function buildAuthConfig(req?: Request): Promise<NextAuthConfig> {
  await syncClock();
  const ctx = await requestContext(req);
  const cookieName = sessionCookieName(ctx.secure);
  const codec: CodecOptions = {
    mode: ctx.strategy === "jwt-refresh" ? "jwt-refresh" : "jwt",
    enforceDenyList: ctx.strategy !== "database" && denyListEnforced(),
  };

  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    // The lab and Auth.js must agree on the cookie name (__Secure- prefix or not).
    useSecureCookies: ctx.secure,
    adapter: sessionStore(ctx, cookieName),
    providers: [passwordProvider, magicLinkProvider],
    session: {
      strategy: nextAuthStrategy(ctx.strategy),
      maxAge: env.AUTH_SESSION_MAX_AGE,
      updateAge: env.AUTH_SESSION_UPDATE_AGE,
      generateSessionToken: () => randomToken(),
    },
    pages: { signIn: "/signin", error: "/signin", verifyRequest: "/signin/check-email" },
    jwt: {
      // Database mode: Auth.js still calls encode after a password sign-in; the "token" it gets is
      // the opaque id of the session row the jwt callback created.
      encode: (params) =>
        ctx.strategy === "database"
          ? Promise.resolve(String(params.token?.sessionToken ?? ""))
          : encodeSessionJwt(params, codec),
      decode: (params) => decodeSessionJwt(params, codec),
    },
    callbacks: {
      async jwt({ token, user, trigger }) {
        // "signUp" is a first magic-link sign-in of a new user: the same setup applies.
        if ((trigger !== "signIn" && trigger !== "signUp") || !user?.id) return token;
        return onSignIn(ctx, cookieName, user as Partial<SignedInUser> & { id: string }, token);
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
      async signOut(message) {
        if ("token" in message && message.token?.fam)
          await revokeFamily(String(message.token.fam), "signed out");
      },
    },
    logger: { error: quietError, warn: () => {}, debug: () => {} },
  };
}

type Claims = Record<string, unknown>;

/** Runs once per successful sign-in, whatever the provider: fills the claims we teach with. */
async function onSignIn(
  ctx: RequestContext,
  cookieName: string,
  user: Partial<SignedInUser> & { id: string },
  token: Claims,
) {
  const dbUser = await db.user.findUnique({ where: { id: user.id }, select: { role: true } });
  const persistent = user.remember ?? ctx.cookies.get(REMEMBER_COOKIE) !== "0";
  const claims: Claims = {
    mode: ctx.strategy,
    ...token,
    role: dbUser?.role ?? "user",
    sid: randomToken(16),
    authTime: nowSeconds(),
    persistent,
  };
  if (ctx.strategy === "database") {
    const session = await createSessionRow(ctx, cookieName, { userId: user.id, persistent });
    return { sessionToken: session.sessionToken };
  }
  const [key] = await usableKeys();
  await db.issuedToken.create({
    data: {
      sid: String(claims.sid),
      userId: user.id,
      strategy: ctx.strategy,
      expiresAt: new Date((nowSeconds() + env.AUTH_ABSOLUTE_MAX_AGE) * 1000),
      userAgent: ctx.userAgent,
      ip: ctx.ip,
      keyId: key?.id,
    },
  });
  if (ctx.strategy === "jwt-refresh") {
    const family = await startRefreshFamily(user.id, String(claims.sid), persistent);
    await setRefreshCookie(family.token, persistent, ctx.secure);
    claims.fam = family.familyId;
  }
  return claims;
}

/** Bad cookies are routine here (the lab tampers with them on purpose): log one line, not a stack. */
function quietError(error: Error) {
  const name = (error as { type?: string }).type ?? error.name;
  if (["JWTSessionError", "SessionTokenError", "CredentialsSignin", "Verification"].includes(name)) return;
  console.error(`[auth] ${name}: ${error.message.split("\n")[0]}`);
}
