/**
 * The cluster's front door: one port that spreads requests over the app instances, the way a load
 * balancer in front of a real deployment does. It is http-proxy-3 (a maintained proxy library), not
 * socket code of our own, and it does three things on top of forwarding:
 *  - round-robin: each request goes to the next instance, so consecutive requests (a page and its
 *    prefetches, two reloads) usually land on different instances: state kept in one instance's
 *    memory would show up at once as a bug;
 *  - pinning: a `session-lab.instance` cookie naming an instance sends everything to that one
 *    (the app's pin form sets it), so a learner can watch "revoked on A, refused on B";
 *  - forwarding headers: it deletes whatever X-Forwarded-* the client sent and sets its own
 *    (xfwd). The instances trust only this proxy (AUTH_TRUSTED_PROXIES=127.0.0.1), so they see the
 *    real client address and protocol, and a client cannot claim another address through it.
 * WebSocket upgrades and streamed responses (server-sent events) pass through unbuffered.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { createProxyServer } from "http-proxy-3";
import { PIN_COOKIE, SPOOFABLE_HEADERS } from "../../lib/net/forwarding";

export interface Instance {
  /** Short name ("a", "b"): what the pin cookie and the x-session-lab-instance header carry. */
  name: string;
  /** Where the front reaches it, e.g. http://127.0.0.1:3001. */
  url: string;
}

/** Response header saying how the front chose the instance: "pinned" or "round-robin". */
export const ROUTED_HEADER = "x-session-lab-routed";

/** The value of one cookie in a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** Picks the instance for a request: the pinned one when the cookie names a live one, else the next in turn. */
export function chooser(instances: Instance[]) {
  if (!instances.length) throw new Error("a cluster needs at least one instance");
  let next = 0;
  return (cookieHeader: string | undefined): { instance: Instance; routed: "pinned" | "round-robin" } => {
    const pin = cookieValue(cookieHeader, PIN_COOKIE);
    const pinned = pin ? instances.find((i) => i.name === pin) : undefined;
    if (pinned) return { instance: pinned, routed: "pinned" };
    const instance = instances[next % instances.length] as Instance;
    next = (next + 1) % instances.length;
    return { instance, routed: "round-robin" };
  };
}

/** The front proxy as an http.Server (not listening yet). */
export function createFront(instances: Instance[]): http.Server {
  const choose = chooser(instances);
  // Keep-alive to the instances: no new TCP connection per proxied request.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const proxy = createProxyServer({ xfwd: true, agent });

  proxy.on("proxyRes", (proxyRes, req) => {
    const routed = (req as IncomingMessage & { routed?: string }).routed;
    if (routed) proxyRes.headers[ROUTED_HEADER] = routed;
  });
  proxy.on("error", (error, req, res) => {
    const name = (req as IncomingMessage & { instanceName?: string }).instanceName ?? "?";
    const why = (error as NodeJS.ErrnoException).code ?? error.message;
    if (res instanceof http.ServerResponse) {
      if (!res.headersSent)
        res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(`Instance ${name} did not answer (${why}). Reload to try the next one, or unpin.\n`);
    } else {
      res.destroy();
    }
  });

  // The front is the edge: nothing a client claims about forwarding gets through (xfwd adds the truth).
  const route = (req: IncomingMessage) => {
    for (const name of SPOOFABLE_HEADERS) delete req.headers[name];
    const { instance, routed } = choose(req.headers.cookie);
    Object.assign(req, { routed, instanceName: instance.name });
    return instance.url;
  };

  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    proxy.web(req, res, { target: route(req) });
  });
  server.on("upgrade", (req: IncomingMessage, socket: Socket, head: Buffer) => {
    proxy.ws(req, socket, head, { target: route(req) });
  });
  server.on("close", () => {
    agent.destroy();
    proxy.close();
  });
  // Longer than the browser's idle keep-alive, shorter than the instances' (65 s): the front never
  // reuses a connection an instance has just closed.
  server.keepAliveTimeout = 60_000;
  return server;
}
