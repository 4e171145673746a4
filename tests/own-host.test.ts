import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { isOwnHost } from "@/lib/own-host";

describe("isOwnHost (magic links only ever point at this machine)", () => {
  it("accepts this machine's names and loopback addresses on the app's port", () => {
    expect(isOwnHost(`localhost:${env.PORT}`)).toBe(true);
    expect(isOwnHost(`127.0.0.1:${env.PORT}`)).toBe(true);
    expect(isOwnHost(`[::1]:${env.PORT}`)).toBe(true);
    expect(isOwnHost(`${hostname()}:${env.PORT}`)).toBe(true);
    expect(isOwnHost("localhost")).toBe(true);
  });

  it("refuses other hosts, other ports and junk", () => {
    expect(isOwnHost(`evil.example:${env.PORT}`)).toBe(false);
    expect(isOwnHost("evil.example")).toBe(false);
    expect(isOwnHost(`localhost:${env.PORT + 1}`)).toBe(false);
    expect(isOwnHost("local host")).toBe(false);
    expect(isOwnHost("")).toBe(false);
  });
});
