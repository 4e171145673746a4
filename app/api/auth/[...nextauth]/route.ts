import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { applyRememberChoice, rememberCookieLine } from "@/lib/auth/cookie-policy";
import { parseCookieHeader, REMEMBER_COOKIE } from "@/lib/auth/request";

/**
 * Auth.js's REST endpoints (/csrf, /providers, /session, /signin, /callback/*, /signout) at the
 * default base path, so curl and stock clients work. The wrapper only applies "remember me".
 */
export async function GET(req: NextRequest) {
  const res = await handlers.GET(req);
  return withRememberChoice(req, res, null);
}

export async function POST(req: NextRequest) {
  const chosen = await rememberField(req);
  const res = await handlers.POST(req);
  return withRememberChoice(req, res, chosen);
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
