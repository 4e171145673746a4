import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { REFRESH_COOKIE } from "./refresh";

/** The refresh token rides in its own HttpOnly cookie; "remember me" decides if it outlives the browser. */
export function refreshCookieOptions(persistent: boolean, secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure,
    ...(persistent ? { maxAge: env.AUTH_REFRESH_TOKEN_TTL } : {}),
  };
}

export async function setRefreshCookie(token: string, persistent: boolean, secure: boolean): Promise<void> {
  const jar = await cookies();
  jar.set(REFRESH_COOKIE, token, refreshCookieOptions(persistent, secure));
}
