import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { NOTICES, readNotice, readReplayId, showNotice } from "@/lib/revocation/notice";

/**
 * The /revocation banner speaks with the lab's voice. Defect fixed: it used to print whatever
 * ?notice= said, so anyone could send a victim a link to the real site saying "Your session was
 * hijacked: call this number". Now only known codes render, and the text comes from NOTICES.
 */
describe("readNotice (the banner on /revocation)", () => {
  it.each(Object.keys(NOTICES))("renders the known code %s", (code) => {
    expect(readNotice(code)).toBe(code);
  });

  it.each([
    "Your session was hijacked. Call +1 555 0100 now.",
    "Signed out.", // a notice's text is not its code
    "<img src=x onerror=alert(1)>",
    "signed-out ",
    "SIGNED-OUT",
    "signed-out&replay=abc",
    "toString",
    "__proto__",
    "constructor",
    "hasOwnProperty",
    "",
  ])("ignores arbitrary text: %j", (text) => {
    expect(readNotice(text)).toBeNull();
  });

  it("ignores values that are not a single string", () => {
    for (const v of [undefined, null, 1, ["signed-out"], { "signed-out": true }])
      expect(readNotice(v)).toBeNull();
  });
});

describe("showNotice / readReplayId", () => {
  it("redirects to /revocation with the code (and a replay id), never with text", () => {
    let digest = "";
    try {
      showNotice("deny-sid", "abc123def456");
    } catch (error) {
      digest = String((error as { digest?: string }).digest);
    }
    expect(digest).toContain("/revocation?notice=deny-sid&replay=abc123def456");
  });

  it("accepts only replay ids shaped like the lab's own", () => {
    expect(readReplayId("cm0abc123def456")).toBe("cm0abc123def456");
    for (const bad of ["short", "UPPERCASE12345", "abc123def456/../x", "a".repeat(41), undefined, 7])
      expect(readReplayId(bad)).toBeNull();
  });
});
