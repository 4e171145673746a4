import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { applyRememberChoice, rememberCookieLine } from "@/lib/auth/cookie-policy";
import { parseCookieHeader, REMEMBER_COOKIE } from "@/lib/auth/request";
import { env } from "@/lib/env";

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

const HOST = /^([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Next hands route handlers a URL on the host it was started with (localhost), but a workshop
 * reaches the server by its LAN address: magic links and redirects must use the host the browser
 * used. With AUTH_URL set (production), Auth.js uses that instead and the Host header is ignored.
 */
function onRequestHost(req: NextRequest): NextRequest {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (env.AUTH_URL || !host || !HOST.test(host)) return req;
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
