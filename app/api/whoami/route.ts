import { type NextRequest, NextResponse } from "next/server";
import { auth } from "@/auth";
import { readSession } from "@/lib/auth/read";
import { scopeOfRequest } from "@/lib/auth/scope";
import type { Verdict } from "@/lib/auth/strategies/types";
import { costByKind, newTrace, runWithTrace, type Trace } from "@/lib/auth/trace";
import { atFixedTime } from "@/lib/clock";
import { env } from "@/lib/env";
import { INSTANCE_HEADER } from "@/lib/net/forwarding";
import { StoreUnavailableError } from "@/lib/store/gate";

/**
 * Who does the server think is asking? The stolen-copy "attacker" replays here, the CLI calls it
 * with a bearer token, and the benchmark measures it: 200 with the user, 401 with the reason the
 * credential was refused, 503 when the session store could not be asked (never "signed out").
 *
 * `?via=authjs` answers through Auth.js's stock `auth()` instead of the app's read path: the same
 * cookies, the same rules, plus the framework's own per-call work (the benchmark compares both).
 */
export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  const viaAuthJs = req.nextUrl.searchParams.get("via") === "authjs";
  const trace = newTrace();
  const start = performance.now();
  const verdict = await runWithTrace(trace, () =>
    viaAuthJs ? stockVerdict() : readSession(scopeOfRequest(req)),
  );
  return answer(verdict, trace, performance.now() - start, viaAuthJs ? "authjs" : "app");
}

async function stockVerdict(): Promise<Verdict> {
  try {
    const session = await atFixedTime(() => auth());
    if (!session?.user?.id) return { status: "signed-out", limit: null, reason: null };
    const { id, email, name, role } = session.user;
    return {
      status: "signed-in",
      strategy: "database",
      via: "cookie",
      user: { id, email: email ?? "", name: name ?? null, role },
      expiresAt: Date.parse(session.expires),
      authTime: 0,
      persistent: true,
      claims: null,
      keyId: null,
      record: null,
    };
  } catch (error) {
    if (error instanceof StoreUnavailableError)
      return { status: "unavailable", store: error.store, reason: error.message };
    throw error;
  }
}

function answer(verdict: Verdict, trace: Trace, totalMs: number, path: "app" | "authjs") {
  const cost = costByKind(trace);
  const timing = [
    ...Object.entries(cost).map(([k, v]) => `${k};dur=${v.toFixed(3)}`),
    `total;dur=${totalMs.toFixed(3)}`,
  ].join(", ");
  const headers = {
    "Cache-Control": "no-store",
    "Server-Timing": timing,
    [INSTANCE_HEADER]: env.SESSION_LAB_INSTANCE,
  };
  const steps = trace.steps.map((s) => ({ id: s.id, ms: Number(s.ms.toFixed(3)), ok: s.ok, store: s.store }));
  const common = { instance: env.SESSION_LAB_INSTANCE, path, steps };
  if (verdict.status === "signed-in") {
    const { id, email, role } = verdict.user;
    return NextResponse.json(
      {
        authenticated: true,
        user: { id, email, role },
        strategy: path === "app" ? verdict.strategy : null,
        via: verdict.via,
        ...common,
      },
      { headers },
    );
  }
  if (verdict.status === "unavailable")
    return NextResponse.json(
      { authenticated: false, unavailable: verdict.store, reason: verdict.reason, ...common },
      { status: 503, headers: { ...headers, "Retry-After": "5" } },
    );
  return NextResponse.json(
    {
      authenticated: false,
      reason: verdict.reason ?? trace.rejection ?? "No session credential was sent.",
      limit: verdict.limit,
      ...common,
    },
    { status: 401, headers },
  );
}
