import { NextRequest, NextResponse } from "next/server";
import { auth } from "@/auth";
import { applyRememberChoice } from "@/lib/auth/cookie-policy";
import { renewAccessToken } from "@/lib/auth/renew";
import { parseCookieHeader, REMEMBER_COOKIE } from "@/lib/auth/request";

/**
 * Runs before every page. Server components cannot set cookies, so this is where a session is
 * kept alive for the browser: Auth.js re-issues the JWT (or pushes the database session's cookie
 * expiry forward), and in "JWT + refresh" mode an expired access token is renewed here.
 * Pages still check the session themselves; this is not the access-control boundary.
 */
export async function proxy(req: NextRequest) {
  const jar = parseCookieHeader(req.headers.get("cookie"));
  const renewal = await renewAccessToken(req, jar);
  const forwarded = new Headers(req.headers);
  if (renewal.cookieHeader !== null) forwarded.set("cookie", renewal.cookieHeader);

  const authRequest = new NextRequest(req.url, { headers: forwarded });
  // Called with a request, auth() returns Auth.js's response for it, carrying any refreshed cookie.
  const authResponse = (await auth(authRequest as never, {} as never)) as unknown as Response;

  const res = NextResponse.next({ request: { headers: forwarded } });
  for (const line of renewal.setCookies) res.headers.append("set-cookie", line);
  for (const line of authResponse.headers.getSetCookie()) res.headers.append("set-cookie", line);
  applyRememberChoice(res.headers, jar.get(REMEMBER_COOKIE) !== "0");
  return res;
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt)$).*)"],
};
