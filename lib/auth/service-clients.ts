import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Who may ask the app about tokens: services holding a client secret. One client today, the
 * orders service, authenticating with HTTP Basic as RFC 6749 section 2.3.1 describes (id and
 * secret form-encoded, joined by ":", base64). Without this, anyone could probe whether a stolen
 * token is still alive.
 */
export const ORDERS_CLIENT_ID = "orders";

export type ClientCheck = "ok" | "refused" | "unconfigured";

/** Equal-length digests, compared in constant time: the time taken says nothing about the secret. */
function same(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function credentialsOf(header: string | null): { id: string; secret: string } | null {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]{1,1024})\s*$/i.exec(header) : null;
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " ")),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " ")),
    };
  } catch {
    return null; // a malformed %-escape: not a client we know
  }
}

export function authenticateServiceClient(authorization: string | null): ClientCheck {
  const expected = env.SERVICE_CLIENT_SECRET;
  if (!expected) return "unconfigured";
  const given = credentialsOf(authorization);
  if (!given) return "refused";
  // Both comparisons always run, so a right id with a wrong secret takes as long as a wrong id.
  const idOk = same(given.id, ORDERS_CLIENT_ID);
  const secretOk = same(given.secret, expected);
  return idOk && secretOk ? "ok" : "refused";
}
