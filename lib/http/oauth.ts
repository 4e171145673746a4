import "server-only";
import { NextResponse } from "next/server";

/**
 * The answers the token endpoints share, in OAuth's shapes (RFC 6749 section 5.2, RFC 7662,
 * RFC 7009): `{ error, error_description }` with a status a client can act on. Never cached:
 * these bodies hold credentials or say whether one is alive.
 */
export const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" } as const;

export function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): NextResponse {
  return NextResponse.json(
    { error, error_description: description },
    { status, headers: { ...NO_STORE, ...headers } },
  );
}

/** A store could not be asked: fail closed, and tell the client to come back shortly. */
export function storeUnavailable(reason: string): NextResponse {
  return oauthError(503, "temporarily_unavailable", reason, { "Retry-After": "5" });
}

export function tooManyAttempts(retryAfterS: number, reason: string): NextResponse {
  return NextResponse.json(
    {
      error: "slow_down",
      error_description: `${reason} Try again in ${retryAfterS} s.`,
      retry_after: retryAfterS,
    },
    { status: 429, headers: { ...NO_STORE, "Retry-After": String(retryAfterS) } },
  );
}

const MAX_BODY = 16 * 1024;

/** An `application/x-www-form-urlencoded` body (what RFC 7662 and 7009 prescribe), or why not. */
export async function readForm(req: Request): Promise<URLSearchParams | string> {
  if (!req.headers.get("content-type")?.toLowerCase().startsWith("application/x-www-form-urlencoded"))
    return "Send the parameters as application/x-www-form-urlencoded.";
  const text = await readText(req);
  return text === null ? `The body is larger than ${MAX_BODY} bytes.` : new URLSearchParams(text);
}

/** A JSON body, or why not (JSON only: a cross-site HTML form cannot send it without a preflight). */
export async function readJson(req: Request): Promise<{ json: unknown } | string> {
  if (!req.headers.get("content-type")?.toLowerCase().startsWith("application/json"))
    return "Send the parameters as application/json.";
  const text = await readText(req);
  if (text === null) return `The body is larger than ${MAX_BODY} bytes.`;
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return "The body is not valid JSON.";
  }
}

async function readText(req: Request): Promise<string | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY) return null;
  const text = await req.text().catch(() => "");
  return text.length > MAX_BODY ? null : text;
}
