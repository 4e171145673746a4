import { type NextRequest, NextResponse } from "next/server";
import { cookieHeader, keepAlive } from "@/lib/auth/keep-alive";
import { scopeOfRequest } from "@/lib/auth/scope";
import { contentSecurityPolicy } from "@/lib/net/security-headers";

/**
 * Runs before every page (not the API). Two jobs:
 *  1. Keep the session alive for the browser, since server components cannot set cookies: each
 *     mode's module decides what to renew (lib/auth/keep-alive.ts), never on a prefetch.
 *  2. Send the page's Content-Security-Policy with a fresh nonce, which Next puts on its scripts.
 * Pages still check the session themselves; this is not the access-control boundary.
 */
/** Server-action bodies above this size are refused here, with a sentence, before Next parses them. */
const ACTION_BODY_LIMIT = 64 * 1024;

export async function proxy(req: NextRequest) {
  if (req.method === "POST" && req.headers.has("next-action")) {
    const length = Number(req.headers.get("content-length") ?? "0");
    if (!Number.isFinite(length) || length > ACTION_BODY_LIMIT)
      return new NextResponse(
        `This form sent ${length} bytes; actions accept at most ${ACTION_BODY_LIMIT}.`,
        {
          status: 413,
          headers: { "content-type": "text/plain; charset=utf-8" },
        },
      );
  }
  const scope = scopeOfRequest(req);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: scope.secure,
  });

  const forwarded = new Headers(req.headers);
  forwarded.set("content-security-policy", csp);
  forwarded.set("x-nonce", nonce);
  const renewal = await keepAlive(scope);
  if (renewal?.cookies) forwarded.set("cookie", cookieHeader(renewal.cookies));

  const res = NextResponse.next({ request: { headers: forwarded } });
  res.headers.set("content-security-policy", csp);
  for (const line of renewal?.setCookies ?? []) res.headers.append("set-cookie", line);
  return res;
}

export const config = {
  matcher: ["/((?!api|\\.well-known|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt|json)$).*)"],
};
