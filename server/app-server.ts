/**
 * The app's own HTTP(S) server: Next's request handler behind a thin layer that decides who is on
 * the other end of each request. Anyone can send `X-Forwarded-For: 1.2.3.4`; Next itself keeps
 * whatever the client sent. Here:
 *  - a request straight from a client: its socket address and protocol are the truth, and every
 *    forwarding header it sent is deleted;
 *  - a request from a proxy listed in AUTH_TRUSTED_PROXIES (IPs, CIDRs, "loopback"): proxy-addr
 *    walks X-Forwarded-For back to the first address that is not a trusted proxy, and the proxy's
 *    X-Forwarded-Proto is believed.
 * The answer goes to the app in x-session-lab-client-ip and x-forwarded-proto (lib/net/forwarding.ts).
 * With TLS_CERT_FILE and TLS_KEY_FILE it serves HTTPS itself (the HTTPS test project uses this).
 */
import { readFileSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import next from "next";
import proxyAddr from "proxy-addr";
import { z } from "zod";
import {
  CLIENT_IP_HEADER,
  INSTANCE_HEADER,
  SPOOFABLE_HEADERS,
  trustedProxyList,
} from "../lib/net/forwarding";

const config = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOSTNAME: z.string().default("0.0.0.0"),
    AUTH_TRUSTED_PROXIES: z.string().default(""),
    SESSION_LAB_INSTANCE: z.string().default("solo"),
    TLS_CERT_FILE: z.string().optional(),
    TLS_KEY_FILE: z.string().optional(),
  })
  .parse(process.env);

const trust = proxyAddr.compile(trustedProxyList(config.AUTH_TRUSTED_PROXIES));

/** Rewrites the request's forwarding headers to what this server is willing to vouch for. */
export function establishClient(req: IncomingMessage): void {
  const peer = req.socket.remoteAddress ?? "";
  const fromTrustedProxy = trust(peer, 0);
  const claimedProto = String(req.headers["x-forwarded-proto"] ?? "")
    .split(",")[0]
    ?.trim();
  const client = fromTrustedProxy ? proxyAddr(req, trust) : peer;
  const encrypted = Boolean((req.socket as TLSSocket).encrypted);
  const proto =
    fromTrustedProxy && (claimedProto === "https" || claimedProto === "http")
      ? claimedProto
      : encrypted
        ? "https"
        : "http";
  for (const name of SPOOFABLE_HEADERS) delete req.headers[name];
  req.headers[CLIENT_IP_HEADER] = client.replace(/^::ffff:/, "");
  req.headers["x-forwarded-for"] = req.headers[CLIENT_IP_HEADER];
  req.headers["x-forwarded-proto"] = proto;
}

async function main() {
  const dir = path.resolve(__dirname, "..");
  const app = next({ dev: false, dir, hostname: "localhost", port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    establishClient(req);
    res.setHeader(INSTANCE_HEADER, config.SESSION_LAB_INSTANCE);
    handle(req, res).catch((error: unknown) => {
      console.error("[server]", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal error");
    });
  };
  const tls = config.TLS_CERT_FILE && config.TLS_KEY_FILE;
  const server = tls
    ? https.createServer(
        { cert: readFileSync(config.TLS_CERT_FILE ?? ""), key: readFileSync(config.TLS_KEY_FILE ?? "") },
        listener,
      )
    : http.createServer(listener);
  // Keep-alive longer than typical proxies' idle timeouts, so a front proxy never reuses a closed socket.
  server.keepAliveTimeout = 65_000;
  server.listen(config.PORT, config.HOSTNAME, () => {
    console.log(
      `Session Lab (${config.SESSION_LAB_INSTANCE}) ready on ${tls ? "https" : "http"}://localhost:${config.PORT}`,
    );
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      server.close();
      process.exit(0);
    });
}

if (require.main === module) void main();
