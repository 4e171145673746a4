import { type NextRequest, NextResponse } from "next/server";
import { mintAccessToken } from "@/lib/auth/access-tokens";
import { readSession } from "@/lib/auth/read";
import { scopeOfRequest } from "@/lib/auth/scope";
import { NO_STORE, oauthError, storeUnavailable } from "@/lib/http/oauth";
import { StoreUnavailableError } from "@/lib/store/gate";

/**
 * POST /api/token/access: trade the session you hold (its cookie, or `Authorization: Bearer`)
 * for a short-lived signed access token (JWS) that the orders service verifies by itself, with
 * the public key from /.well-known/jwks.json. Works in every mode: the session is read by the
 * app's read path, then stands behind a token that no longer needs it.
 */
export const dynamic = "force-dynamic";

export async function POST(req: NextRequest) {
  try {
    const verdict = await readSession(scopeOfRequest(req));
    if (verdict.status === "unavailable") return storeUnavailable(verdict.reason);
    if (verdict.status !== "signed-in")
      return oauthError(401, "invalid_token", verdict.reason ?? "Send a session cookie or a bearer token.", {
        "WWW-Authenticate": 'Bearer error="invalid_token"',
      });
    const minted = await mintAccessToken(verdict);
    return NextResponse.json(
      { access_token: minted.token, token_type: "Bearer", expires_in: minted.expiresIn, kid: minted.kid },
      { headers: NO_STORE },
    );
  } catch (error) {
    if (error instanceof StoreUnavailableError) return storeUnavailable(error.message);
    throw error;
  }
}
