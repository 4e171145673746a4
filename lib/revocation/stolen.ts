import "server-only";
import { DENYLIST_COOKIE } from "@/lib/auth/deny-list";
import { sessionCookieValue } from "@/lib/auth/describe";
import { REFRESH_COOKIE } from "@/lib/auth/refresh";
import { type RequestContext, sessionCookieName } from "@/lib/auth/request";
import { STRATEGY_COOKIE } from "@/lib/auth/strategy";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { internalUrl } from "@/lib/env";
import { latestRevocation } from "./events";

/**
 * The stolen-cookie experiment. "Keep a copy" stores exactly what an attacker who lifted the
 * cookie jar would hold; "Replay" sends it, and nothing else of yours, from the server to this
 * app over real HTTP, the way an attacker's script would. In refresh mode the attacker also
 * tries the stolen refresh token when the access token is refused.
 */
export async function keepCopy(benchId: string, userId: string, ctx: RequestContext, expiresAt: Date | null) {
  const token = sessionCookieValue(ctx);
  if (!token) return null;
  return db.stolenCopy.create({
    data: {
      ownerId: benchId,
      userId,
      strategy: ctx.strategy,
      sessionToken: token,
      refreshToken: ctx.cookies.get(REFRESH_COOKIE) ?? null,
      expiresAt,
      createdAt: new Date(now()),
    },
  });
}

export async function listCopies(benchId: string) {
  return db.stolenCopy.findMany({
    where: { ownerId: benchId },
    orderBy: { createdAt: "desc" },
    take: 5,
    include: { replays: { orderBy: { at: "desc" }, take: 8 } },
  });
}

export async function discardCopy(benchId: string, id: string) {
  await db.stolenCopy.deleteMany({ where: { id, ownerId: benchId } });
}

/** Say plainly why a JWT copy still works: nothing on the server remembers it, so only exp ends it. */
function untilExpiry(exp: Date | null): string {
  if (!exp) return "";
  const minutes = Math.max(0, Math.round((exp.getTime() - now()) / 60000));
  const left =
    minutes >= 90 ? `${Math.round(minutes / 60)} h` : minutes >= 1 ? `${minutes} min` : "under a minute";
  return ` A JWT is valid until its exp: this copy keeps working for ${left} more unless the deny-list or a hard key rotation refuses it.`;
}

interface WhoAmI {
  authenticated: boolean;
  user?: { email: string };
  reason?: string;
}

async function send(
  path: string,
  cookie: string,
  method = "GET",
): Promise<{ status: number; json: Record<string, unknown>; setCookies: string[] }> {
  const res = await fetch(new URL(path, internalUrl), {
    method,
    headers: { cookie },
    cache: "no-store",
    redirect: "manual",
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: res.status, json, setCookies: res.headers.getSetCookie() };
}

/**
 * Replay a copy. The server's mode for this request (strategy, deny-list switch) is the owner's
 * current one, as a real deployment's mode would be; the only credential sent is the stolen one.
 */
export async function replayCopy(benchId: string, id: string, ctx: RequestContext) {
  const copy = await db.stolenCopy.findFirst({ where: { id, ownerId: benchId } });
  if (!copy) return null;
  const modes = [
    `${STRATEGY_COOKIE}=${ctx.strategy}`,
    `${DENYLIST_COOKIE}=${ctx.cookies.get(DENYLIST_COOKIE) ?? "off"}`,
  ];
  const name = sessionCookieName(ctx.secure);
  let cookie = [...modes, `${name}=${copy.sessionToken}`].join("; ");
  let answer = await send("/api/whoami", cookie);
  let note = "";
  if (answer.status === 401 && copy.refreshToken && ctx.strategy === "jwt-refresh") {
    const refreshed = await send(
      "/api/token/refresh",
      `${modes.join("; ")}; ${REFRESH_COOKIE}=${copy.refreshToken}`,
      "POST",
    );
    if (refreshed.status === 200) {
      const access = String(refreshed.json.access_token);
      const nextRefresh = String(refreshed.json.refresh_token);
      await db.stolenCopy.update({
        where: { id },
        data: { sessionToken: access, refreshToken: nextRefresh },
      });
      cookie = [...modes, `${name}=${access}`].join("; ");
      answer = await send("/api/whoami", cookie);
      note =
        " The attacker used the stolen refresh token to mint a fresh access token (and now holds its successor).";
    } else {
      note = ` The stolen refresh token was refused too: ${String(refreshed.json.error ?? "rejected")}`;
    }
  }
  const body = answer.json as unknown as WhoAmI;
  const accepted = answer.status === 200 && body.authenticated;
  if (accepted && copy.strategy !== "database") note += untilExpiry(copy.expiresAt);
  const at = new Date(now());
  const revoked = await latestRevocation(copy.userId, copy.createdAt);
  return db.replay.create({
    data: {
      copyId: id,
      at,
      accepted,
      who: accepted ? (body.user?.email ?? null) : null,
      reason: accepted
        ? `Accepted as ${body.user?.email}.${note}`
        : `Rejected: ${body.reason ?? `HTTP ${answer.status}`}${note}`,
      sinceRevokeMs: revoked ? at.getTime() - revoked.at.getTime() : null,
      technique: revoked?.technique ?? null,
    },
  });
}
