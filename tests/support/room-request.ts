import { COOKIES } from "@/lib/auth/cookies";
import { CLIENT_IP_HEADER, PROTO_HEADER } from "@/lib/net/forwarding";

/**
 * A stand-in for next/headers, so the real server actions (and their guard, and the real read
 * path) run in unit tests: each test says which browser is asking by filling its cookie jar.
 * Tests mock the module with it:
 *   vi.mock("next/headers", async () => (await import("./support/room-request")).nextHeaders);
 */
export const jar = new Map<string, string>();
export const requestHeaders = new Headers();

export const nextHeaders = {
  cookies: async () => ({
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
  headers: async () => requestHeaders,
};

/** The browser that is asking: its cookies (strategy, session, bench, participant key) and address. */
export function asBrowser(cookies: Record<string, string | null | undefined>, ip = "203.0.113.7"): void {
  jar.clear();
  for (const [k, v] of Object.entries(cookies)) if (v) jar.set(k, v);
  for (const h of [...requestHeaders.keys()]) requestHeaders.delete(h);
  requestHeaders.set(CLIENT_IP_HEADER, ip);
  requestHeaders.set(PROTO_HEADER, "http");
  requestHeaders.set("user-agent", "UnitTest/1.0 (X11; Linux)");
}

/** The cookies a browser with this session (and mode) would send. */
export function browserOf(session: { strategy: string; cookie: string; extra?: Record<string, string> }) {
  return {
    [COOKIES.strategy.name(false)]: session.strategy,
    [COOKIES.session.name(false)]: session.cookie,
    ...session.extra,
  };
}

export const form = (fields: Record<string, string> = {}) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

export const IDLE = { status: "idle" } as const;
