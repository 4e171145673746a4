import type { IncomingMessage } from "node:http";
import { afterAll, describe, expect, it, vi } from "vitest";
import { parseCookieHeader, scopeFrom } from "@/lib/auth/scope";
import { CLIENT_IP_HEADER, SPOOFABLE_HEADERS } from "@/lib/net/forwarding";

/**
 * server/app-server.ts reads AUTH_TRUSTED_PROXIES once, at import (like the process it runs in),
 * so each configuration gets a fresh import of the module with the environment set first.
 */
const saved = process.env.AUTH_TRUSTED_PROXIES;
afterAll(() => {
  if (saved === undefined) delete process.env.AUTH_TRUSTED_PROXIES;
  else process.env.AUTH_TRUSTED_PROXIES = saved;
});

async function serverTrusting(proxies: string | undefined) {
  vi.resetModules();
  if (proxies === undefined) delete process.env.AUTH_TRUSTED_PROXIES;
  else process.env.AUTH_TRUSTED_PROXIES = proxies;
  return (await import("@/server/app-server")).establishClient;
}

/** What Node hands the server: a socket (peer address, TLS or not) and the headers as sent. */
function request(peer: string, headers: Record<string, string>, encrypted = false) {
  return {
    headers: { ...headers },
    socket: { remoteAddress: peer, encrypted },
  } as unknown as IncomingMessage;
}

const SPOOFED = {
  "x-forwarded-for": "6.6.6.6",
  "x-forwarded-proto": "https",
  "x-forwarded-host": "evil.example",
  "x-forwarded-port": "443",
  "x-real-ip": "6.6.6.6",
  forwarded: "for=6.6.6.6;proto=https",
  [CLIENT_IP_HEADER]: "6.6.6.6",
};

describe("no trusted proxy (AUTH_TRUSTED_PROXIES unset)", () => {
  it("deletes every forwarding header a client sent and uses the socket's address and protocol", async () => {
    const establish = await serverTrusting(undefined);
    const req = request("203.0.113.5", { ...SPOOFED, "user-agent": "curl" });
    establish(req);
    expect(req.headers[CLIENT_IP_HEADER]).toBe("203.0.113.5");
    expect(req.headers["x-forwarded-for"]).toBe("203.0.113.5");
    expect(req.headers["x-forwarded-proto"]).toBe("http");
    for (const name of ["x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded"])
      expect(req.headers[name], name).toBeUndefined();
    expect(req.headers["user-agent"]).toBe("curl");
    // What the app then sees: the established address, and an http (non-Secure) request.
    const scope = scopeFrom(new Headers(req.headers as Record<string, string>), parseCookieHeader(null));
    expect(scope).toMatchObject({ ip: "203.0.113.5", secure: false });
  });

  it("does not trust a loopback peer either, and reports TLS from the socket itself", async () => {
    const establish = await serverTrusting("");
    const local = request("127.0.0.1", SPOOFED);
    establish(local);
    expect(local.headers[CLIENT_IP_HEADER]).toBe("127.0.0.1");
    const tls = request("::ffff:203.0.113.5", { "x-forwarded-proto": "http" }, true);
    establish(tls);
    expect(tls.headers[CLIENT_IP_HEADER]).toBe("203.0.113.5"); // IPv4-mapped IPv6, shown as IPv4
    expect(tls.headers["x-forwarded-proto"]).toBe("https");
  });
});

describe("behind a trusted proxy (AUTH_TRUSTED_PROXIES=loopback)", () => {
  it("takes the right-most untrusted X-Forwarded-For entry as the client, and believes its protocol", async () => {
    const establish = await serverTrusting("loopback");
    const req = request("127.0.0.1", {
      "x-forwarded-for": "6.6.6.6, 198.51.100.7",
      "x-forwarded-proto": "https",
    });
    establish(req);
    expect(req.headers[CLIENT_IP_HEADER]).toBe("198.51.100.7");
    expect(req.headers["x-forwarded-proto"]).toBe("https");
    const scope = scopeFrom(new Headers(req.headers as Record<string, string>), parseCookieHeader(null));
    expect(scope).toMatchObject({ ip: "198.51.100.7", secure: true });
  });

  it("walks past a chain of trusted proxies to the first address that is not one", async () => {
    const establish = await serverTrusting("loopback");
    const req = request("127.0.0.1", { "x-forwarded-for": "198.51.100.7, 127.0.0.1" });
    establish(req);
    expect(req.headers[CLIENT_IP_HEADER]).toBe("198.51.100.7");
  });

  it("still ignores what a client that is not a trusted proxy claims", async () => {
    const establish = await serverTrusting("loopback");
    const req = request("203.0.113.9", SPOOFED);
    establish(req);
    expect(req.headers[CLIENT_IP_HEADER]).toBe("203.0.113.9");
    expect(req.headers["x-forwarded-proto"]).toBe("http");
    expect(req.headers.forwarded).toBeUndefined();
  });

  it("falls back to the socket's protocol when the proxy names an unknown one", async () => {
    const establish = await serverTrusting("loopback");
    const req = request("127.0.0.1", { "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "gopher" });
    establish(req);
    expect(req.headers["x-forwarded-proto"]).toBe("http");
  });
});

it("every header a client could spoof is on the list the server deletes", () => {
  expect([...SPOOFABLE_HEADERS].sort()).toEqual(Object.keys(SPOOFED).sort());
});
