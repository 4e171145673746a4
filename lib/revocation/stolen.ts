import "server-only";
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
/** A copy is a live credential in the database: the experiment keeps it a day at most. */
const COPY_LIFETIME_MS = 24 * 3600 * 1000;

async function forgetOldCopies(): Promise<void> {
  await db.stolenCopy.deleteMany({ where: { createdAt: { lt: new Date(now() - COPY_LIFETIME_MS) } } });
}

export async function keepCopy(benchId: string, userId: string, ctx: RequestContext, expiresAt: Date | null) {
  const token = sessionCookieValue(ctx);
  if (!token) return null;
  await forgetOldCopies();
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

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

/** One HTTP request from the "attacker" to this app. A network failure is an answer too, never a 500. */
async function send(path: string, init: { cookie?: string; body?: unknown }): Promise<Answer> {
  try {
    const res = await fetch(new URL(path, internalUrl), {
      method: init.body === undefined ? "GET" : "POST",
      headers: {
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: "no-store",
      redirect: "manual",
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  } catch {
    return {
      status: 0,
      json: { reason: `the replay could not reach ${internalUrl} (is SESSION_LAB_INTERNAL_URL right?)` },
    };
  }
}

/**
 * Replay a copy the way a thief would: the stolen cookie, under the mode it was made for (a thief
 * picks whatever works), and nothing else of yours. In refresh mode, when the access token is
 * refused, the thief tries the stolen refresh token as an API client would (JSON body).
 */
export async function replayCopy(benchId: string, id: string, ctx: RequestContext) {
  const copy = await db.stolenCopy.findFirst({ where: { id, ownerId: benchId } });
  if (!copy) return null;
  const name = sessionCookieName(ctx.secure);
  const asThief = (token: string) => `${STRATEGY_COOKIE}=${copy.strategy}; ${name}=${token}`;
  let answer = await send("/api/whoami", { cookie: asThief(copy.sessionToken) });
  let note = "";
  if (answer.status === 401 && copy.refreshToken && copy.strategy === "jwt-refresh") {
    const refreshed = await send("/api/token/refresh", { body: { refresh_token: copy.refreshToken } });
    if (refreshed.status === 200) {
      const access = String(refreshed.json.access_token);
      await db.stolenCopy.update({
        where: { id },
        data: { sessionToken: access, refreshToken: String(refreshed.json.refresh_token) },
      });
      answer = await send("/api/whoami", { cookie: asThief(access) });
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
