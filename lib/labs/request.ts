import "server-only";
import { readSession } from "@/lib/auth/read";
import { type RequestScope, scopeOfRequest } from "@/lib/auth/scope";
import { atFixedTime } from "@/lib/clock";
import { labUserId } from "./who";

/** A lab route's caller: the signed-in user (or null) and the request's scope. */
export async function labCaller(req: Request): Promise<{ userId: string | null; scope: RequestScope }> {
  const scope = scopeOfRequest(req);
  const verdict = await atFixedTime(() => readSession(scope));
  return { userId: verdict.status === "signed-in" ? verdict.user.id : null, scope };
}

/** Whose checkpoints to show: the signed-in user, or a workshop participant's key (lib/labs/who.ts). */
export async function labViewer(req: Request): Promise<string | null> {
  const scope = scopeOfRequest(req);
  const verdict = await atFixedTime(() => readSession(scope));
  return labUserId(scope, verdict);
}

/**
 * Only this site's own pages may POST to the labs' demo routes: the browser says where a request
 * comes from (Sec-Fetch-Site, or Origin on older browsers), and anything else is refused.
 */
export function fromThisSite(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = req.headers.get("origin");
  try {
    return origin !== null && new URL(origin).host === req.headers.get("host");
  } catch {
    return false;
  }
}
