import { Auth } from "@auth/core";
import { buildAuthConfig } from "@/lib/auth/config";
import { COOKIES } from "@/lib/auth/cookies";
import { collectingCookies } from "@/lib/auth/response-cookies";
import type { Strategy } from "@/lib/auth/strategy";
import { atFixedTime } from "@/lib/clock";

/**
 * Drives Auth.js the way Auth.js's own tests do: `Auth(request, config)` from @auth/core, with the
 * lab's per-request config, inside the same wrappers as the /api/auth route (one frozen instant,
 * a bag for the cookies Auth.js has no hook for). The Request goes to buildAuthConfig, so it never
 * reaches for next/headers.
 */
export interface Answer {
  res: Response;
  /** Set-Cookie lines: Auth.js's own, then the ones the lab added through the bag. */
  setCookies: string[];
  cookie(name: string): string | null;
}

export async function callAuth(
  path: string,
  o: { strategy: Strategy; cookies?: Record<string, string>; form?: Record<string, string> },
): Promise<Answer> {
  const jar = { [COOKIES.strategy.name(false)]: o.strategy, ...o.cookies };
  const headers = new Headers({
    cookie: Object.entries(jar)
      .map(([k, v]) => `${k}=${v}`)
      .join("; "),
  });
  const req = new Request(`http://localhost/api/auth${path}`, {
    method: o.form ? "POST" : "GET",
    headers,
    body: o.form ? new URLSearchParams(o.form) : undefined,
  });
  const config = await buildAuthConfig(req);
  // next-auth's NextAuth() sets basePath "/api/auth"; @auth/core alone defaults to "/auth".
  const { result, cookies } = await collectingCookies(() =>
    atFixedTime(() => Auth(req, { ...config, basePath: "/api/auth" })),
  );
  const setCookies = [...result.headers.getSetCookie(), ...cookies];
  const cookie = (name: string) => {
    const line = setCookies.find((l) => l.startsWith(`${name}=`));
    return line ? decodeURIComponent(line.slice(name.length + 1).split(";")[0] ?? "") : null;
  };
  return { res: result, setCookies, cookie };
}

/** GET /csrf, then a password sign-in with the token in both the cookie and the form. */
export async function signInWithPassword(strategy: Strategy, email: string, password: string) {
  const csrf = await callAuth("/csrf", { strategy });
  const { csrfToken } = (await csrf.res.json()) as { csrfToken: string };
  const csrfCookie = csrf.cookie(COOKIES.csrf.name(false)) ?? "";
  return callAuth("/callback/credentials", {
    strategy,
    cookies: { [COOKIES.csrf.name(false)]: csrfCookie },
    form: { csrfToken, email, password },
  });
}
