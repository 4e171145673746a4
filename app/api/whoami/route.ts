import { NextResponse } from "next/server";
import { auth } from "@/auth";
import { newTrace, runWithTrace } from "@/lib/auth/trace";

/**
 * Who does the server think is asking? The stolen-copy "attacker" replays here, and any client
 * (curl, scripts) can use it: 200 with the user, or 401 with the reason the credential was refused.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  const trace = newTrace();
  const session = await runWithTrace(trace, () => auth()).catch(() => null);
  const steps = trace.steps.map((s) => ({ label: s.label, ms: Number(s.ms.toFixed(3)), ok: s.ok }));
  if (!session?.user?.id) {
    return NextResponse.json(
      { authenticated: false, reason: trace.rejection ?? "No session credential was sent.", steps },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    );
  }
  const { id, email, role } = session.user;
  return NextResponse.json(
    { authenticated: true, user: { id, email, role }, steps },
    { headers: { "Cache-Control": "no-store" } },
  );
}
