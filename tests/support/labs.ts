import { NextRequest } from "next/server";
import { vi } from "vitest";
import { GET as whoami } from "@/app/api/whoami/route";

/**
 * The stolen-copy replay sends real HTTP to the app; in unit tests there is no server, so fetch
 * hands /api/whoami to the real route handler (the same read path a running server would use).
 */
export function replaysReachTheApp(): void {
  vi.stubGlobal("fetch", async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname !== "/api/whoami") return new Response("{}", { status: 404 });
    return whoami(new NextRequest(url, { headers: new Headers(init?.headers) }));
  });
}
