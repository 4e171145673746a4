import { describe, expect, it } from "vitest";
import { baseCookieName } from "@/lib/auth/cookies";
import { abbreviate, byteLength, decodeHeader, tokenParts } from "@/lib/auth/inspect";

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

describe("tokenParts", () => {
  it("names the five parts of a compact JWE and measures each", () => {
    const parts = [b64({ alg: "dir", enc: "A256GCM" }), "", "iv_iv_iv_iv", "c".repeat(300), "tag-tag"];
    const result = tokenParts(parts.join("."));
    expect(result?.kind).toBe("JWE");
    expect(result?.parts.map((p) => p.name)).toEqual([
      "Protected header",
      "Encrypted key",
      "Initialization vector",
      "Ciphertext",
      "Authentication tag",
    ]);
    expect(result?.parts.map((p) => p.bytes)).toEqual(parts.map((p) => p.length));
    expect(result?.parts[1]?.preview).toBe("(empty)");
    expect(result?.parts[3]?.preview.length).toBeLessThan(20);
  });

  it("names the three parts of a compact JWS", () => {
    const parts = [b64({ alg: "HS256" }), b64({ sub: "u1" }), "sig_nature"];
    const result = tokenParts(parts.join("."));
    expect(result?.kind).toBe("JWS");
    expect(result?.parts.map((p) => p.name)).toEqual(["Header", "Payload", "Signature"]);
    expect(result?.parts[2]?.bytes).toBe("sig_nature".length);
  });

  it("returns null for anything that is not a compact JWT", () => {
    for (const bad of ["", "abc", "a.b", "a.b.c.d", "a.b.c.d.e.f", "a.b+c.d", "a b.c.d", "ä.b.c"]) {
      expect(tokenParts(bad)).toBeNull();
    }
  });
});

describe("decodeHeader", () => {
  it("reads the JSON header of a compact token", () => {
    const header = { alg: "dir", enc: "A256GCM", kid: "abc" };
    expect(decodeHeader(`${b64(header)}.x.y.z.w`)).toEqual(header);
  });

  it("returns null for garbage, arrays, primitives and empty input", () => {
    for (const bad of [
      "",
      ".a.b",
      "not-base64-json.a.b",
      `${b64([1, 2])}.a.b`,
      `${b64(42)}.a`,
      `${b64(null)}.a`,
    ]) {
      expect(decodeHeader(bad)).toBeNull();
    }
  });
});

describe("abbreviate / byteLength", () => {
  it("keeps short values and elides the middle of long ones", () => {
    expect(abbreviate("short")).toBe("short");
    expect(abbreviate("x".repeat(21))).toBe("x".repeat(21));
    const long = `${"a".repeat(10)}${"m".repeat(50)}${"z".repeat(10)}`;
    expect(abbreviate(long)).toBe(`${"a".repeat(10)}…${"z".repeat(10)}`);
    expect(abbreviate("0123456789", 2)).toBe("01…89");
  });

  it("counts UTF-8 bytes, not characters", () => {
    expect(byteLength("abc")).toBe(3);
    expect(byteLength("é")).toBe(2);
  });
});

describe("baseCookieName", () => {
  it("strips Auth.js chunk suffixes and nothing else", () => {
    expect(baseCookieName("authjs.session-token.0")).toBe("authjs.session-token");
    expect(baseCookieName("authjs.session-token.1")).toBe("authjs.session-token");
    expect(baseCookieName("__Secure-authjs.session-token.12")).toBe("__Secure-authjs.session-token");
    expect(baseCookieName("authjs.session-token")).toBe("authjs.session-token");
    expect(baseCookieName("session-lab.remember")).toBe("session-lab.remember");
  });
});
