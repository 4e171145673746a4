import { describe, expect, it } from "vitest";
import { safeCallback } from "@/lib/auth/callback-url";

describe("safeCallback (no open redirect after sign-in)", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safeCallback("/revocation")).toBe("/revocation");
    expect(safeCallback("/revocation?x=1#stolen")).toBe("/revocation?x=1#stolen");
  });

  it("sends anything that could leave the site to /", () => {
    for (const bad of [
      "//evil.com",
      "/\\evil.com",
      "/\t/evil.com",
      "https://evil.com",
      "javascript:alert(1)",
      "",
      undefined,
      42,
    ]) {
      expect(safeCallback(bad)).toBe("/");
    }
  });
});
