import { type NextRequest, NextResponse } from "next/server";
import { createAccount, newAccount } from "@/lib/accounts";
import { readSession } from "@/lib/auth/read";
import { scopeOfRequest } from "@/lib/auth/scope";
import { StoreUnavailableError } from "@/lib/store/gate";

/**
 * POST /api/admin/users: the instructor creates an account ({ email, password, name?, role? }).
 * Authenticated like any request (session cookie or `Authorization: Bearer`), admin role only.
 * Test suites create their users here, so they run unchanged on SQLite, PostgreSQL or a deployed URL.
 */
export const dynamic = "force-dynamic";

export async function POST(req: NextRequest) {
  const verdict = await readSession(scopeOfRequest(req));
  if (verdict.status === "unavailable")
    return NextResponse.json({ error: verdict.reason }, { status: 503, headers: { "Retry-After": "5" } });
  if (verdict.status !== "signed-in") return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  if (verdict.user.role !== "admin") return NextResponse.json({ error: "Instructor only." }, { status: 403 });
  const parsed = newAccount.safeParse(await req.json().catch(() => null));
  if (!parsed.success)
    return NextResponse.json(
      { error: parsed.error.issues[0]?.message ?? "Send { email, password }." },
      { status: 400 },
    );
  try {
    const created = await createAccount(parsed.data);
    if (!created.ok) return NextResponse.json({ error: created.error }, { status: 409 });
    return NextResponse.json({ id: created.id, email: created.email, role: created.role }, { status: 201 });
  } catch (error) {
    if (error instanceof StoreUnavailableError)
      return NextResponse.json({ error: error.message }, { status: 503, headers: { "Retry-After": "5" } });
    throw error;
  }
}
