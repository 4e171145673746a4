import { Auth } from "@auth/core";
import { buildAuthConfig } from "@/lib/auth/config";
import { COOKIES } from "@/lib/auth/cookies";
import { collectingCookies } from "@/lib/auth/response-cookies";
import type { Strategy } from "@/lib/auth/strategy";
import { atFixedTime } from "@/lib/clock";
import { CLIENT_IP_HEADER } from "@/lib/net/forwarding";

/**
 * A real Auth.js sign-in through one of the room's providers, the way the /api/auth route runs it
 * (the lab's per-request config, one frozen instant, the bag for extra cookies): CSRF first, then
 * POST /api/auth/callback/<provider>. Returns the cookies the browser would now hold.
 */
async function call(
  path: string,
  strategy: Strategy,
  cookies: Record<string, string>,
  form?: Record<string, string>,
) {
  const jar = { [COOKIES.strategy.name(false)]: strategy, ...cookies };
  const headers = new Headers({
    cookie: Object.entries(jar)
      .map(([k, v]) => `${k}=${v}`)
      .join("; "),
    [CLIENT_IP_HEADER]: "198.51.100.4",
  });
  const req = new Request(`http://localhost/api/auth${path}`, {
    method: form ? "POST" : "GET",
    headers,
    body: form ? new URLSearchParams(form) : undefined,
  });
  const config = await buildAuthConfig(req);
  const { result, cookies: extra } = await collectingCookies(() =>
    atFixedTime(() => Auth(req, { ...config, basePath: "/api/auth" })),
  );
  const set: Record<string, string> = {};
  for (const line of [...result.headers.getSetCookie(), ...extra]) {
    const [pair = ""] = line.split(";");
    const eq = pair.indexOf("=");
    set[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1));
  }
  return { res: result, set };
}

export async function roomSignIn(
  provider: "participant" | "instructor",
  strategy: Strategy,
  cookies: Record<string, string> = {},
  fields: Record<string, string> = {},
) {
  const csrf = await call("/csrf", strategy, {});
  const { csrfToken } = (await csrf.res.json()) as { csrfToken: string };
  const csrfCookie = csrf.set[COOKIES.csrf.name(false)] ?? "";
  const answer = await call(
    `/callback/${provider}`,
    strategy,
    { ...cookies, [COOKIES.csrf.name(false)]: csrfCookie },
    { csrfToken, ...fields },
  );
  const location = answer.res.headers.get("location") ?? "";
  return {
    location,
    ok: !/error=/.test(location),
    session: answer.set[COOKIES.session.name(false)] || null,
    refresh: answer.set[COOKIES.refresh.name(false)] || null,
  };
}
