import type { DefaultSession } from "next-auth";
import type { JwtMode } from "@/lib/auth/strategy";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: string } & DefaultSession["user"];
  }
}

/**
 * The lab's own claims in a session JWT, next to the registered ones (sub, iat, exp, jti).
 * lib/auth/claims.ts parses them once, at decode; nothing downstream re-reads raw JSON.
 */
declare module "next-auth/jwt" {
  interface JWT {
    /** Stable id of one sign-in: Auth.js rewrites jti on every re-issue, so the deny-list keys on this. */
    sid?: string;
    /** The refresh family this access token belongs to (JWT + refresh mode). */
    fam?: string;
    /** The mode the token was made for; another mode refuses it. */
    mode?: JwtMode;
    /** When the user proved who they are (seconds): the absolute timeout counts from here. */
    authTime?: number;
    /** "Remember me": a persistent cookie, or one that dies with the browser. */
    persistent?: boolean;
    role?: string;
    /** Which key of the keyring encrypted it (k1, k2, …), for the Token panel. */
    kidName?: string;
    /** Database modes only: the opaque id Auth.js's encode hands back as the cookie value. */
    sessionToken?: string;
  }
}
