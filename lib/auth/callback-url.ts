/**
 * Only a path on this site may be the post-sign-in destination (no open redirect). Parsing
 * against a placeholder origin catches the tricks a prefix check misses ("/\evil.com", tabs).
 */
export function safeCallback(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  try {
    const url = new URL(value, "http://session-lab.invalid");
    return url.origin === "http://session-lab.invalid" ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
