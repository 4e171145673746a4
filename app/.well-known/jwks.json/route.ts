import { NextResponse } from "next/server";
import { publishedJwks } from "@/lib/auth/signing-keys";
import { env } from "@/lib/env";
import { storeUnavailable } from "@/lib/http/oauth";
import { StoreUnavailableError } from "@/lib/store/gate";

/**
 * GET /.well-known/jwks.json: the public keys that verify this app's access tokens (the next
 * key, the current one, and those whose tokens may still be alive). Verifiers may cache it for
 * SIGNING_KEY_PUBLISH_LEAD seconds: a new key is published that long before it signs, so a cache
 * that honours this max-age always holds a key before the first token it signed arrives.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const jwks = await publishedJwks();
    return NextResponse.json(jwks, {
      headers: { "Cache-Control": `public, max-age=${env.SIGNING_KEY_PUBLISH_LEAD}` },
    });
  } catch (error) {
    if (error instanceof StoreUnavailableError) return storeUnavailable(error.message);
    throw error;
  }
}
