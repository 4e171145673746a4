import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { applyRememberChoice, rememberCookieLine } from "@/lib/auth/cookie-policy";
import { parseCookieHeader, REMEMBER_COOKIE } from "@/lib/auth/request";
import { env } from "@/lib/env";
import { isOwnHost } from "@/lib/own-host";

/**
 * Auth.js's REST endpoints (/csrf, /providers, /session, /signin, /callback/*, /signout) at the
 * default base path, so curl and stock clients work. The wrapper only applies "remember me".
 */
export async function GET(req: NextRequest) {
  const res = await handlers.GET(onRequestHost(req));
  return withRememberChoice(req, res, null);
}

export async function POST(req: NextRequest) {
  const chosen = await rememberField(req);
  const res = await handlers.POST(onRequestHost(req));
  return withRememberChoice(req, res, chosen);
}

/**
 * Next hands route handlers a URL on the host it was started with (localhost), but a workshop
 * reaches the server by its LAN address: magic links and redirects must use the host the browser
 * used. Only this machine's own names and addresses are accepted, or anyone could send
 * `Host: evil.example` and get a victim's magic link pointed at their server. With AUTH_URL set
 * (production), Auth.js uses that and the Host header is ignored.
 */
function onRequestHost(req: NextRequest): NextRequest {
  const host = req.headers.get("host");
  if (env.AUTH_URL || !host || !isOwnHost(host)) return req;
  const url = new URL(req.url);
  if (url.host === host) return req;
  url.host = host;
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : req.body;
  // duplex: "half" is what Node's fetch needs to forward a streamed body; the DOM typings lack it.
  const init = { method: req.method, headers: req.headers, body, duplex: "half" };
  return new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
}

async function rememberField(req: NextRequest): Promise<boolean | null> {
  const path = req.nextUrl.pathname;
  if (!/\/(callback\/credentials|signin\/email)$/.test(path)) return null;
  try {
    const form = await req.clone().formData();
    const value = form.get("remember");
    return value === null ? false : ["on", "true", "1"].includes(String(value));
  } catch {
    return null;
  }
}

function withRememberChoice(req: NextRequest, res: Response, chosen: boolean | null): Response {
  const remember = chosen ?? parseCookieHeader(req.headers.get("cookie")).get(REMEMBER_COOKIE) !== "0";
  const out = new Response(res.body, res);
  applyRememberChoice(out.headers, remember);
  if (chosen !== null)
    out.headers.append("set-cookie", rememberCookieLine(chosen, req.nextUrl.protocol === "https:"));
  return out;
}
