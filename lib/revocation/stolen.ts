import "server-only";
import { recordEvent } from "@/lib/audit";
import { COOKIES } from "@/lib/auth/cookies";
import { type RequestScope, sessionCredential } from "@/lib/auth/scope";
import { STRATEGY_MODULES } from "@/lib/auth/strategies";
import type { SignedIn } from "@/lib/auth/strategies/types";
import { isStrategy } from "@/lib/auth/strategy";
import { now } from "@/lib/clock";
import { seal, unseal } from "@/lib/crypto/seal";
import { db } from "@/lib/db/client";
import { internalUrl } from "@/lib/env";
import { latestRevocation } from "./events";

/**
 * The stolen-cookie experiment. "Keep a copy" stores exactly what an attacker who lifted the
 * cookie jar would hold (the session cookie, plus the refresh or cache cookie of modes that have
 * one); "Replay" sends it, and nothing else of yours, from the server to this app over real HTTP,
 * the way an attacker's script would. Copies are live credentials, so they are sealed at rest and
 * kept a day at most.
 */
const COPY_LIFETIME_MS = 24 * 3600 * 1000;

async function forgetOldCopies(): Promise<void> {
  await db.stolenCopy.deleteMany({ where: { createdAt: { lt: new Date(now() - COPY_LIFETIME_MS) } } });
}

export async function keepCopy(benchId: string, verdict: SignedIn, scope: RequestScope) {
  const token = sessionCredential(scope);
  if (!token) return null;
  const extra = STRATEGY_MODULES[verdict.strategy].extraCookies;
  const held = (id: "refresh" | "cache") =>
    extra.includes(id) ? (scope.cookies.get(COOKIES[id].name(scope.secure)) ?? null) : null;
  const sealed = (v: string | null) => (v ? seal(v, "stolen-copy") : null);
  await forgetOldCopies();
  return db.stolenCopy.create({
    data: {
      ownerId: benchId,
      userId: verdict.user.id,
      strategy: verdict.strategy,
      sessionToken: seal(token, "stolen-copy"),
      refreshToken: sealed(held("refresh")),
      cacheToken: sealed(held("cache")),
      expiresAt: verdict.claims ? new Date(verdict.expiresAt) : null,
      createdAt: new Date(now()),
    },
  });
}

export async function listCopies(benchId: string) {
  const copies = await db.stolenCopy.findMany({
    where: { ownerId: benchId },
    orderBy: { createdAt: "desc" },
    take: 5,
    select: {
      id: true,
      strategy: true,
      createdAt: true,
      expiresAt: true,
      refreshToken: true,
      cacheToken: true,
      replays: { orderBy: { at: "desc" }, take: 8 },
    },
  });
  // The views get facts about a copy, never the sealed values.
  return copies.map(({ refreshToken, cacheToken, ...c }) => ({
    ...c,
    withRefresh: refreshToken !== null,
    withCache: cacheToken !== null,
  }));
}

export async function discardCopy(benchId: string, id: string): Promise<number> {
  const { count } = await db.stolenCopy.deleteMany({ where: { id, ownerId: benchId } });
  return count;
}

/** Say plainly why a JWT copy still works: nothing on the server remembers it, so only exp ends it. */
function untilExpiry(exp: Date | null): string {
  if (!exp) return "";
  const minutes = Math.max(0, Math.round((exp.getTime() - now()) / 60000));
  const left =
    minutes >= 90 ? `${Math.round(minutes / 60)} h` : minutes >= 1 ? `${minutes} min` : "under a minute";
  return ` A JWT is valid until its exp: this copy keeps working for ${left} more unless the deny-list or a hard key rotation refuses it.`;
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
 * Replay a copy the way a thief would: the stolen cookies, under the mode the token was made for
 * (a thief picks whatever works), and nothing else of yours. In refresh mode, when the access
 * token is refused, the thief tries the stolen refresh token as an API client would (JSON body).
 */
export async function replayCopy(benchId: string, id: string, scope: RequestScope) {
  const copy = await db.stolenCopy.findFirst({ where: { id, ownerId: benchId } });
  if (!copy || !isStrategy(copy.strategy)) return null;
  const open = (v: string | null) => (v ? unseal(v, "stolen-copy") : null);
  const session = open(copy.sessionToken);
  if (!session) return null;
  const cache = open(copy.cacheToken);
  const jar = (token: string) =>
    [
      `${COOKIES.strategy.name(scope.secure)}=${copy.strategy}`,
      `${COOKIES.session.name(scope.secure)}=${token}`,
      ...(cache ? [`${COOKIES.cache.name(scope.secure)}=${cache}`] : []),
    ].join("; ");
  let answer = await send("/api/whoami", { cookie: jar(session) });
  let note = "";
  const refreshToken = open(copy.refreshToken);
  if (answer.status === 401 && refreshToken) {
    const refreshed = await send("/api/token/refresh", { body: { refresh_token: refreshToken } });
    if (refreshed.status === 200) {
      const access = String(refreshed.json.access_token);
      await db.stolenCopy.update({
        where: { id },
        data: {
          sessionToken: seal(access, "stolen-copy"),
          refreshToken: seal(String(refreshed.json.refresh_token), "stolen-copy"),
        },
      });
      answer = await send("/api/whoami", { cookie: jar(access) });
      note =
        " The attacker used the stolen refresh token to mint a fresh access token (and now holds its successor).";
    } else {
      note = ` The stolen refresh token was refused too: ${String(refreshed.json.error ?? "rejected")}`;
    }
  }
  const user = answer.json.user as { email?: string } | undefined;
  const accepted = answer.status === 200 && answer.json.authenticated === true;
  if (accepted && copy.expiresAt) note += untilExpiry(copy.expiresAt);
  const at = new Date(now());
  const revoked = await latestRevocation(copy.userId, copy.createdAt, copy.strategy);
  const reason = accepted
    ? `Accepted as ${user?.email ?? "?"}.${note}`
    : answer.status === 503
      ? `Not decided: ${String(answer.json.reason ?? "the session store is unavailable")} (HTTP 503).${note}`
      : `Rejected: ${String(answer.json.reason ?? `HTTP ${answer.status}`)}${note}`;
  await recordEvent(accepted ? "replay-accepted" : "replay-refused", {
    userId: copy.userId,
    benchId,
    strategy: copy.strategy,
    detail: reason,
  });
  return db.replay.create({
    data: {
      copyId: id,
      at,
      accepted,
      who: accepted ? (user?.email ?? null) : null,
      reason,
      sinceRevokeMs: revoked ? at.getTime() - revoked.at.getTime() : null,
      technique: revoked?.technique ?? null,
    },
  });
}
