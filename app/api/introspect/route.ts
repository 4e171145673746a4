import { type NextRequest, NextResponse } from "next/server";
import { introspect } from "@/lib/auth/introspection";
import { authenticateServiceClient } from "@/lib/auth/service-clients";
import { atFixedTime } from "@/lib/clock";
import { NO_STORE, oauthError, readForm, storeUnavailable } from "@/lib/http/oauth";

/**
 * POST /api/introspect (RFC 7662): a service asks whether a token is alive, authenticating as
 * itself with HTTP Basic. The answer is `{ active: false }` for anything not accepted (no reason:
 * the caller is a service, not the token's owner), the token's owner when it is, and 503 when
 * the stores cannot be asked: never `active: true` on a guess.
 */
export const dynamic = "force-dynamic";

export async function POST(req: NextRequest) {
  const client = authenticateServiceClient(req.headers.get("authorization"));
  if (client === "unconfigured")
    return storeUnavailable(
      "Introspection is off: this server has no SERVICE_CLIENT_SECRET (npm run setup generates one).",
    );
  if (client === "refused")
    return oauthError(401, "invalid_client", "Authenticate as a known client with HTTP Basic.", {
      "WWW-Authenticate": 'Basic realm="session-lab introspection"',
    });
  const form = await readForm(req);
  if (typeof form === "string") return oauthError(400, "invalid_request", form);
  const token = form.get("token");
  if (!token) return oauthError(400, "invalid_request", "Send the token to introspect in the `token` field.");
  const result = await atFixedTime(() => introspect(token));
  if (result.kind === "unavailable") return storeUnavailable(result.reason);
  return NextResponse.json(result.kind === "active" ? result.answer : { active: false }, {
    headers: NO_STORE,
  });
}
