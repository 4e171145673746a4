import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";

/**
 * The app as a client of the orders service (the /services page). One call, measured from
 * here: the round trip includes the network and the service's own work; the service reports
 * separately what verifying the caller cost it, and what it had to reach to do so.
 */
export interface ServiceCall {
  /** HTTP status, or null when the service could not be reached at all. */
  status: number | null;
  roundTripMs: number;
  verification: { method: "jwks" | "introspection"; contacted: string[]; ms: number } | null;
  orders: { id: string; item: string; quantity: number; placedOn: string }[];
  /** The service's own words when it refused, or ours when it could not be reached. */
  problem: string | null;
}

const verification = z.object({
  method: z.enum(["jwks", "introspection"]),
  contacted: z.array(z.string().max(200)).max(10),
  ms: z.number(),
});
const reply = z.object({
  verification: verification.optional(),
  orders: z
    .array(z.object({ id: z.string(), item: z.string(), quantity: z.number(), placedOn: z.string() }))
    .max(20)
    .optional(),
  reason: z.string().max(500).optional(),
});

export const START_HINT = "The orders service is not running. Start it in a second terminal: npm run service";

export async function callOrders(bearer: string): Promise<ServiceCall> {
  const start = performance.now();
  let res: Response;
  try {
    res = await fetch(new URL("/orders", env.ORDERS_SERVICE_URL), {
      headers: { authorization: `Bearer ${bearer}` },
      cache: "no-store",
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    return {
      status: null,
      roundTripMs: performance.now() - start,
      verification: null,
      orders: [],
      problem: START_HINT,
    };
  }
  const body = reply.safeParse(await res.json().catch(() => null));
  const roundTripMs = performance.now() - start;
  if (!body.success)
    return {
      status: res.status,
      roundTripMs,
      verification: null,
      orders: [],
      problem: "The service's answer was not understood.",
    };
  return {
    status: res.status,
    roundTripMs,
    verification: body.data.verification ?? null,
    orders: body.data.orders ?? [],
    problem: res.ok ? null : (body.data.reason ?? `HTTP ${res.status}`),
  };
}

/** Is the service up? A short timeout: the page must render either way. */
export async function serviceRunning(): Promise<boolean> {
  try {
    const res = await fetch(new URL("/health", env.ORDERS_SERVICE_URL), {
      cache: "no-store",
      signal: AbortSignal.timeout(800),
    });
    return res.ok;
  } catch {
    return false;
  }
}
