import { NextRequest, NextResponse } from "next/server";
import { handlers } from "@/auth";
import { recordEvent } from "@/lib/audit";
import { applyRememberChoice, rememberCookieLine } from "@/lib/auth/cookie-policy";
import { COOKIES, setCookieLine } from "@/lib/auth/cookies";
import { withMailOrigin } from "@/lib/auth/mail-origin";
import { MAX_EMAIL_LENGTH } from "@/lib/auth/providers";
import { type Blocked, passwordBlocked, takeMagicLink } from "@/lib/auth/rate-limit";
import { readSession } from "@/lib/auth/read";
import { collectingCookies } from "@/lib/auth/response-cookies";
import { type RequestScope, scopeOfRequest, wantsPersistence } from "@/lib/auth/scope";
import { randomToken } from "@/lib/auth/tokens";
import { atFixedTime } from "@/lib/clock";
import { env } from "@/lib/env";
import { isOwnHost } from "@/lib/own-host";
import { isBenchId } from "@/lib/revocation/lab-id";

/**
 * Auth.js's REST endpoints (/csrf, /providers, /session, /signin, /callback/*, /signout) at the
 * default base path, so curl and stock clients work. Around them, the lab adds:
 *  - rate limits on password and magic-link sign-in (HTTP 429 with Retry-After),
 *  - the sender of a magic-link request (browser bench, signed-in user) for the mailbox,
 *  - "remember me", and one frozen instant of the auth clock per request.
 */
export async function GET(req: NextRequest) {
  const scope = scopeOfRequest(req);
  const res = await run(() => handlers.GET(onRequestHost(req)));
  return withRememberChoice(res, scope, null);
}

/** Auth.js at one frozen instant of the auth clock, with the cookies the lab adds appended. */
async function run(handler: () => Promise<Response>): Promise<Response> {
  const { result, cookies } = await collectingCookies(() => atFixedTime(handler));
  if (cookies.length === 0) return result;
  const out = new Response(result.body, result);
  for (const line of cookies) out.headers.append("set-cookie", line);
  return out;
}

export async function POST(req: NextRequest) {
  const scope = scopeOfRequest(req);
  const path = req.nextUrl.pathname;
  const form = /\/(callback\/credentials|signin\/email)$/.test(path) ? await formOf(req) : null;
  const email = String(form?.get("email") ?? "")
    .trim()
    .toLowerCase();
  const chosen = form ? rememberOf(form) : null;

  if (path.endsWith("/callback/credentials")) {
    const blocked = email ? await passwordBlocked(email, scope.ip) : null;
    if (blocked) return tooMany(req, blocked, email);
    const res = await run(() => handlers.POST(onRequestHost(req)));
    const limited = await rateLimitedAnswer(res);
    if (limited)
      return tooMany(
        req,
        (await passwordBlocked(email, scope.ip)) ?? { retryAfterS: 60, reason: "Too many sign-ins at once." },
        email,
      );
    return withRememberChoice(res, scope, chosen);
  }

  if (path.endsWith("/signin/email")) {
    if (email.length > MAX_EMAIL_LENGTH)
      return NextResponse.json(
        { error: "EmailTooLong", url: signinUrl(req, "EmailTooLong") },
        { status: 400, headers: { "Cache-Control": "no-store" } },
      );
    const blocked = email ? await takeMagicLink(email, scope.ip) : null;
    if (blocked) return tooMany(req, blocked, email);
    const existing = scope.cookies.get(COOKIES.bench.name(scope.secure));
    const benchId = isBenchId(existing) ? existing : randomToken(16);
    const verdict = await readSession(scope);
    const userId = verdict.status === "signed-in" ? verdict.user.id : null;
    const res = await withMailOrigin({ benchId, userId }, () => run(() => handlers.POST(onRequestHost(req))));
    const out = withRememberChoice(res, scope, chosen);
    if (benchId !== existing)
      out.headers.append("set-cookie", setCookieLine(COOKIES.bench, benchId, { secure: scope.secure }));
    return out;
  }

  const res = await run(() => handlers.POST(onRequestHost(req)));
  return withRememberChoice(res, scope, chosen);
}

async function formOf(req: NextRequest): Promise<FormData | null> {
  try {
    return await req.clone().formData();
  } catch {
    return null;
  }
}

function rememberOf(form: FormData): boolean {
  const value = form.get("remember");
  return value !== null && ["on", "true", "1"].includes(String(value));
}

function signinUrl(req: NextRequest, error: string, code?: string): string {
  const url = new URL("/signin", req.nextUrl.origin);
  url.searchParams.set("error", error);
  if (code) url.searchParams.set("code", code);
  return url.toString();
}

/**
 * 429 in a shape both kinds of client understand: next-auth/react reads `url` (and shows the
 * error and the wait from its query), curl and scripts read `error`, `retry_after` and the header.
 */
async function tooMany(req: NextRequest, blocked: Blocked, email: string) {
  await recordEvent("rate-limited", { detail: `${blocked.reason} (${email.slice(0, 80) || "no address"})` });
  return NextResponse.json(
    {
      error: "RateLimited",
      message: `${blocked.reason} Try again in ${blocked.retryAfterS} s.`,
      retry_after: blocked.retryAfterS,
      url: signinUrl(req, "RateLimited", String(blocked.retryAfterS)),
    },
    { status: 429, headers: { "Retry-After": String(blocked.retryAfterS), "Cache-Control": "no-store" } },
  );
}

/** Did Auth.js refuse because the provider hit the rate limit mid-way (a burst of parallel guesses)? */
async function rateLimitedAnswer(res: Response): Promise<boolean> {
  const location = res.headers.get("location") ?? "";
  if (location.includes("code=rate_limited")) return true;
  if (!res.headers.get("content-type")?.includes("json")) return false;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { url?: string } | null;
  return Boolean(body?.url?.includes("code=rate_limited"));
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

function withRememberChoice(res: Response, scope: RequestScope, chosen: boolean | null): Response {
  const remember = chosen ?? wantsPersistence(scope);
  const out = new Response(res.body, res);
  applyRememberChoice(out.headers, remember);
  if (chosen !== null) out.headers.append("set-cookie", rememberCookieLine(chosen, scope.secure));
  return out;
}
