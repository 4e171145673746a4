/**
 * Only a path on this site may be the post-sign-in destination (no open redirect). The value is
 * parsed as a browser would parse it against this site, and accepted only if the result is on
 * this site *and* the path cannot be read as another host when used as a URL again: URL parsing
 * removes dot segments, so "/.//evil.example" becomes "//evil.example", which a browser assigned
 * to window.location reads as https://evil.example.
 */
const PLACEHOLDER = "http://session-lab.invalid";

export function safeCallback(value: unknown): string {
  if (typeof value !== "string" || value.length > 2048 || !value.startsWith("/")) return "/";
  // Backslashes are slashes to a browser, control characters are stripped by it: refuse both.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly what is being refused
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER) return "/";
  const result = `${url.pathname}${url.search}${url.hash}`;
  // After normalisation the path must still be a single-slash path, or it is a host in disguise.
  if (!result.startsWith("/") || result.startsWith("//") || result.startsWith("/\\")) return "/";
  // Decoding must not produce one either (a later redirect may decode it once more).
  let decoded = result;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return "/";
  }
  if (decoded.startsWith("//") || decoded.startsWith("/\\") || /^\/+[a-z][a-z0-9+.-]*:/i.test(decoded))
    return "/";
  // …nor, decoded, normalise into one ("/.%2F/evil.example" → "/.//evil.example" → "//evil.example").
  if (decoded.includes("\\") || new URL(decoded, PLACEHOLDER).pathname.startsWith("//")) return "/";
  return result;
}
