/**
 * How the orders service decides who is calling. Two ways, and the difference is the lesson:
 *  - a signed access token (JWS): verified here, with the app's public key from the cached
 *    JWKS. No call to the app and no database: the token carries its own proof, until its exp;
 *  - anything else (a database session id, a session JWE): meaningless to this service, so it
 *    asks the app on every request (RFC 7662 introspection). That costs a round trip, and buys
 *    the app's current answer: a revoked session is refused at once.
 */
import { decodeProtectedHeader, errors, jwtVerify } from "jose";
import { z } from "zod";
import { type AppKeys, contactsOfThisRequest, KeysUnreachable, noteContact } from "./app-keys";
import type { OrdersConfig } from "./config";

export type Method = "jwks" | "introspection";
export type Caller = { sub: string; email: string | null };
export type Outcome =
  | { ok: true; caller: Caller }
  | { ok: false; status: 401 | 502 | 503; error: string; reason: string };
export interface Verification {
  outcome: Outcome;
  method: Method;
  contacted: string[];
  ms: number;
}

const refused = (reason: string): Outcome => ({ ok: false, status: 401, error: "invalid_token", reason });
const down = (reason: string): Outcome => ({ ok: false, status: 503, error: "app_unreachable", reason });

/** A compact JWS: three parts and a header naming a signature algorithm (a JWE has five parts). */
function isJws(token: string): boolean {
  if (token.split(".").length !== 3) return false;
  try {
    return typeof decodeProtectedHeader(token).alg === "string";
  } catch {
    return false;
  }
}

function whyRefused(error: unknown): Outcome {
  if (error instanceof KeysUnreachable) return down(`${error.message}; start the app (npm start)`);
  if (error instanceof errors.JWTExpired) return refused("the token expired (its exp has passed)");
  if (error instanceof errors.JWTClaimValidationFailed)
    return refused(`the ${error.claim} claim failed: ${error.reason}`);
  if (error instanceof errors.JWKSNoMatchingKey) return refused("no key the app publishes has this kid");
  if (error instanceof errors.JWSSignatureVerificationFailed) return refused("the signature does not verify");
  if (error instanceof errors.JOSEAlgNotAllowed) return refused("this signing algorithm is not accepted");
  return refused("not a well-formed access token");
}

async function verifyJws(token: string, keys: AppKeys, config: OrdersConfig): Promise<Outcome> {
  try {
    const { payload } = await jwtVerify(token, keys.getKey, {
      algorithms: ["ES256"], // never what the token's header asks for: "none" and HS256 tricks fail here
      issuer: config.issuer,
      audience: "orders",
      typ: "at+jwt",
      clockTolerance: config.clockToleranceS,
      requiredClaims: ["sub", "exp", "iat", "nbf", "jti"],
    });
    return {
      ok: true,
      caller: { sub: String(payload.sub), email: typeof payload.email === "string" ? payload.email : null },
    };
  } catch (error) {
    return whyRefused(error);
  }
}

const answer = z.object({ active: z.boolean(), sub: z.string().optional(), username: z.string().optional() });

async function introspect(token: string, config: OrdersConfig): Promise<Outcome> {
  if (!config.clientSecret)
    return down("introspection needs SERVICE_CLIENT_SECRET (npm run setup writes it into .env.local)");
  // RFC 6749 section 2.3.1: the id and secret are form-encoded before they are joined and encoded.
  const basic = Buffer.from(`orders:${encodeURIComponent(config.clientSecret)}`).toString("base64");
  noteContact("app /api/introspect");
  let res: Response;
  try {
    res = await fetch(new URL("/api/introspect", config.appUrl), {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }),
      signal: AbortSignal.timeout(3000),
    });
  } catch {
    return down(
      `the app at ${config.appUrl} cannot be reached to introspect the token; start it (npm start)`,
    );
  }
  if (res.status === 401)
    return {
      ok: false,
      status: 502,
      error: "misconfigured",
      reason: "the app refused this service's client secret",
    };
  if (res.status !== 200) return down(`the app cannot judge tokens right now (HTTP ${res.status})`);
  const parsed = answer.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return down("the app's introspection answer was not understood");
  const { active, sub, username } = parsed.data;
  if (!active || !sub) return refused("the app says this token is not active (revoked, expired or unknown)");
  return { ok: true, caller: { sub, email: username ?? null } };
}

export async function verifyBearer(
  token: string,
  keys: AppKeys,
  config: OrdersConfig,
): Promise<Verification> {
  const method: Method = isJws(token) ? "jwks" : "introspection";
  const start = performance.now();
  const { result, contacted } = await contactsOfThisRequest(() =>
    method === "jwks" ? verifyJws(token, keys, config) : introspect(token, config),
  );
  return { outcome: result, method, contacted, ms: performance.now() - start };
}
