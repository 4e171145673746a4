/**
 * Who is really on the other end of a request. Anyone can send `X-Forwarded-For: 1.2.3.4`, so
 * the app's own server (server/app-server.ts) decides, from the socket and AUTH_TRUSTED_PROXIES,
 * which client address and protocol to believe, deletes whatever the client claimed, and passes
 * its answer to the app in these headers. The app reads only these.
 */
export const CLIENT_IP_HEADER = "x-session-lab-client-ip";
export const PROTO_HEADER = "x-forwarded-proto";
/** Names the app instance that served a response (cluster mode). */
export const INSTANCE_HEADER = "x-session-lab-instance";
/**
 * The cookie that pins a browser to one instance (cluster mode): the front proxy reads it, the app
 * sets it. Here, not only in lib/auth/cookies.ts, because the front proxy runs outside Next.
 */
export const PIN_COOKIE = "session-lab.instance";

/** Headers a client may send that would otherwise be believed somewhere down the line. */
export const SPOOFABLE_HEADERS = [
  CLIENT_IP_HEADER,
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
] as const;

/** "loopback, 10.0.0.0/8" → the list proxy-addr understands; empty means trust no proxy. */
export function trustedProxyList(spec: string): string[] {
  return spec
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
