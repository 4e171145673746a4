import { type NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { COOKIES } from "@/lib/auth/cookies";
import { clearingCookies, mintedCookies, mintFromRefresh } from "@/lib/auth/refresh-tokens";
import { scopeOfRequest } from "@/lib/auth/scope";
import { atFixedTime } from "@/lib/clock";
import { StoreUnavailableError } from "@/lib/store/gate";

/**
 * POST /api/token/refresh: trade a refresh token for a new access token. Browsers send the
 * HttpOnly refresh cookie; other clients (the CLI) send JSON `{ "refresh_token": "..." }`.
 * Each refresh token works once; presenting a used one after the grace window revokes its family.
 */
export const dynamic = "force-dynamic";

const body = z.object({ refresh_token: z.string().min(16).max(200) });

export async function POST(req: NextRequest) {
  const scope = scopeOfRequest(req);
  const salt = COOKIES.session.name(scope.secure);
  const fromCookie = scope.cookies.get(COOKIES.refresh.name(scope.secure));
  let raw = fromCookie;
  if (!raw && req.headers.get("content-type")?.includes("application/json")) {
    const parsed = body.safeParse(await req.json().catch(() => null));
    if (!parsed.success)
      return NextResponse.json({ error: "Send { refresh_token } as JSON." }, { status: 400 });
    raw = parsed.data.refresh_token;
  }
  if (!raw) return NextResponse.json({ error: "No refresh token was sent." }, { status: 401 });
  const headers = new Headers({ "Cache-Control": "no-store" });
  let minted: Awaited<ReturnType<typeof mintFromRefresh>>;
  try {
    const token = raw;
    minted = await atFixedTime(() => mintFromRefresh(token, salt));
  } catch (error) {
    if (error instanceof StoreUnavailableError)
      return NextResponse.json({ error: error.message }, { status: 503, headers: { "Retry-After": "5" } });
    throw error;
  }
  if (!minted.ok) {
    if (fromCookie) for (const c of clearingCookies(scope)) headers.append("set-cookie", c);
    return NextResponse.json({ error: minted.reason }, { status: 401, headers });
  }
  if (fromCookie) {
    // A browser: the new tokens go back in HttpOnly cookies only. Putting them in the body would
    // hand them to any script on the page, undoing what HttpOnly protects.
    for (const c of mintedCookies(minted, scope)) headers.append("set-cookie", c);
    return NextResponse.json({ expires_at: minted.exp }, { headers });
  }
  // An API client sent the token in the body, so it gets the new ones in the body.
  return NextResponse.json(
    {
      access_token: minted.accessToken,
      refresh_token: minted.refreshToken,
      expires_at: minted.exp,
      token_type: "session-jwe",
    },
    { headers },
  );
}
