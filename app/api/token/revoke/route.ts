import { type NextRequest, NextResponse } from "next/server";
import { revokeClientToken } from "@/lib/auth/token-revocation";
import { atFixedTime } from "@/lib/clock";
import { NO_STORE, oauthError, readForm, storeUnavailable } from "@/lib/http/oauth";
import { StoreUnavailableError } from "@/lib/store/gate";

/**
 * POST /api/token/revoke (RFC 7009), form fields `token` and optional `token_type_hint`. Holding
 * the token is the authority to revoke it. As the RFC asks, an unknown or already dead token is
 * not an error (200 too); the body says what revoking actually did in this token's mode.
 */
export const dynamic = "force-dynamic";

export async function POST(req: NextRequest) {
  const form = await readForm(req);
  if (typeof form === "string") return oauthError(400, "invalid_request", form);
  const token = form.get("token") ?? "";
  if (!token || token.length > 8192) return oauthError(400, "invalid_request", "Send the token to revoke.");
  try {
    const result = await atFixedTime(() => revokeClientToken(token, form.get("token_type_hint")));
    return NextResponse.json(result, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof StoreUnavailableError) return storeUnavailable(error.message);
    throw error;
  }
}
