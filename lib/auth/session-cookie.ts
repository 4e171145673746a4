import { COOKIES, type CookieSpec, setCookieLine } from "./cookies";
import type { RequestScope } from "./scope";

/**
 * Set-Cookie lines for the session cookie, split the way Auth.js splits it: a value longer than
 * 3,936 characters (4 KB minus room for the attributes) goes out as name.0, name.1, …, and any
 * chunk or whole cookie the browser still holds from before is cleared, so old and new never mix.
 */
export const CHUNK_SIZE = 3936;

export function sessionCookieLines(
  value: string | null,
  scope: Pick<RequestScope, "cookies" | "secure">,
  o: { persistent: boolean; maxAge?: number },
): string[] {
  const spec = COOKIES.session;
  const name = spec.name(scope.secure);
  const opts = { secure: scope.secure, persistent: o.persistent };
  const withName = (n: string): CookieSpec => ({ ...spec, name: () => n });
  const withAge = (line: string) =>
    o.maxAge !== undefined && o.persistent
      ? line.replace(/Max-Age=\d+/, `Max-Age=${Math.max(0, o.maxAge)}`)
      : line;
  const lines: string[] = [];
  const chunks: string[] = [];
  if (value !== null)
    for (let i = 0; i < value.length; i += CHUNK_SIZE) chunks.push(value.slice(i, i + CHUNK_SIZE));
  const fresh = new Set<string>();
  if (chunks.length === 1) {
    lines.push(withAge(setCookieLine(spec, chunks[0] ?? "", opts)));
    fresh.add(name);
  } else {
    chunks.forEach((chunk, i) => {
      lines.push(withAge(setCookieLine(withName(`${name}.${i}`), chunk, opts)));
      fresh.add(`${name}.${i}`);
    });
  }
  // Clear what the browser holds that this answer does not replace (a whole cookie, or stale chunks).
  for (const held of scope.cookies.keys()) {
    const ours = held === name || (held.startsWith(`${name}.`) && /^\d+$/.test(held.slice(name.length + 1)));
    if (ours && !fresh.has(held)) lines.push(setCookieLine(withName(held), null, opts));
  }
  if (value === null && !scope.cookies.has(name)) lines.push(setCookieLine(spec, null, opts));
  return lines;
}
