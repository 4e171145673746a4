import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooser, cookieValue, createFront, ROUTED_HEADER } from "@/server/cluster/front";

/**
 * The cluster's front proxy (server/cluster/front.ts) against two tiny stand-in instances that
 * echo what they received: round-robin, the pin cookie, forwarding headers a client cannot forge,
 * and a streamed response (server-sent events) passing through before it ends.
 */
interface Echo {
  instance: string;
  forwardedFor: string | null;
  forwardedProto: string | null;
  realIp: string | null;
}

const stands: http.Server[] = [];
let front: http.Server;
let base = "";

function standIn(name: string): Promise<string> {
  const server = http.createServer((req, res) => {
    if (req.url === "/events") {
      res.writeHead(200, { "content-type": "text/event-stream", "x-session-lab-instance": name });
      res.write(`data: hello from ${name}\n\n`); // the stream stays open: the test must see this first
      return;
    }
    const echo: Echo = {
      instance: name,
      forwardedFor: (req.headers["x-forwarded-for"] as string) ?? null,
      forwardedProto: (req.headers["x-forwarded-proto"] as string) ?? null,
      realIp: (req.headers["x-real-ip"] as string) ?? null,
    };
    res.writeHead(200, { "content-type": "application/json", "x-session-lab-instance": name });
    res.end(JSON.stringify(echo));
  });
  stands.push(server);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

beforeAll(async () => {
  const a = await standIn("a");
  const b = await standIn("b");
  front = createFront([
    { name: "a", url: a },
    { name: "b", url: b },
  ]);
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});

afterAll(async () => {
  front.closeAllConnections();
  await new Promise((r) => front.close(r));
  for (const s of stands) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function get(headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/echo`, { headers });
  return { echo: (await res.json()) as Echo, routed: res.headers.get(ROUTED_HEADER) };
}

describe("the front proxy", () => {
  it("spreads requests round-robin over the instances", async () => {
    const served = [];
    for (let i = 0; i < 4; i++) served.push((await get()).echo.instance);
    expect(new Set(served)).toEqual(new Set(["a", "b"]));
    expect(served[0]).not.toBe(served[1]);
    expect(served[2]).toBe(served[0]);
  });

  it("sends every request to the instance the pin cookie names, and ignores an unknown name", async () => {
    for (let i = 0; i < 3; i++) {
      const { echo, routed } = await get({ cookie: "other=1; session-lab.instance=b" });
      expect(echo.instance).toBe("b");
      expect(routed).toBe("pinned");
    }
    const unknown = await Promise.all([1, 2].map(() => get({ cookie: "session-lab.instance=zz" })));
    expect(unknown.map((u) => u.routed)).toEqual(["round-robin", "round-robin"]);
    expect(new Set(unknown.map((u) => u.echo.instance))).toEqual(new Set(["a", "b"]));
  });

  it("replaces forwarding headers the client sent with its own", async () => {
    const { echo } = await get({
      "x-forwarded-for": "6.6.6.6",
      "x-forwarded-proto": "https",
      "x-real-ip": "6.6.6.6",
    });
    expect(echo.forwardedFor).toBe("127.0.0.1");
    expect(echo.forwardedProto).toBe("http");
    expect(echo.realIp).toBeNull();
  });

  it("passes a server-sent event stream through before the response ends", async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/events`, {
      headers: { cookie: "session-lab.instance=a" },
      signal: controller.signal,
    });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain("hello from a");
    controller.abort();
  });

  it("answers 502 with the instance's name when it is down", async () => {
    const down = createFront([{ name: "gone", url: "http://127.0.0.1:1" }]);
    await new Promise<void>((resolve) => down.listen(0, "127.0.0.1", resolve));
    const res = await fetch(`http://127.0.0.1:${(down.address() as AddressInfo).port}/`);
    expect(res.status).toBe(502);
    expect(await res.text()).toMatch(/Instance gone did not answer/);
    down.close();
  });
});

describe("cookie parsing and choosing", () => {
  it("reads one cookie out of a Cookie header", () => {
    expect(cookieValue("a=1; session-lab.instance=b; c=3", "session-lab.instance")).toBe("b");
    expect(cookieValue("xsession-lab.instance=b", "session-lab.instance")).toBeNull();
    expect(cookieValue(undefined, "x")).toBeNull();
  });

  it("refuses an empty cluster", () => {
    expect(() => chooser([])).toThrow(/at least one instance/);
  });
});
