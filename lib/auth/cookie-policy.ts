import { COOKIES, setCookieLine } from "./cookies";

/**
 * "Remember me" unchecked means a *session cookie*: no Expires and no Max-Age, so the browser
 * forgets it when it closes. Auth.js always sets Expires, so its responses pass through here.
 * The choice itself rides in a small companion cookie (COOKIES.remember).
 */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?=/;

export function stripPersistence(setCookie: string): string {
  return setCookie
    .split(";")
    .filter((part) => !/^\s*(expires|max-age)=/i.test(part))
    .join(";");
}

/** Rewrites the session cookie's Set-Cookie lines when the browser asked not to be remembered. */
export function applyRememberChoice(headers: Headers, remember: boolean): void {
  if (remember) return;
  const lines = headers.getSetCookie();
  if (!lines.some((l) => SESSION_COOKIE.test(l))) return;
  headers.delete("set-cookie");
  for (const line of lines) {
    const clearing = /max-age=0|expires=thu, 01 jan 1970/i.test(line);
    headers.append("set-cookie", SESSION_COOKIE.test(line) && !clearing ? stripPersistence(line) : line);
  }
}

export function rememberCookieLine(remember: boolean, secure: boolean): string {
  return setCookieLine(COOKIES.remember, remember ? "1" : "0", { secure });
}
