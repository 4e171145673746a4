import { NextResponse } from "next/server";
import { env } from "@/lib/env";

/**
 * The floor: a route handler with no authentication, no database and no settings read. The
 * benchmark divides every other row by this one, so "whoami at 80 %" means "checking who is asking
 * costs a quarter of what Next.js itself spends answering a request", on whatever machine it runs.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json(
    { ok: true, instance: env.SESSION_LAB_INSTANCE },
    { headers: { "Cache-Control": "no-store" } },
  );
}
