import NextAuth from "next-auth";
import { buildAuthConfig } from "@/lib/auth/config";

/**
 * Auth.js entry point. The config is a function, so it is rebuilt for every request: that is what
 * lets the strategy (database or JWT) change per browser at run time, with no restart.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(buildAuthConfig);
