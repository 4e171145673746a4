import { decodeProtectedHeader } from "jose";
import type { JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { type CodecOptions, decodeSessionJwt, encodeSessionJwt } from "@/lib/auth/jwt-codec";
import { deriveKey, thumbprint } from "@/lib/auth/keyring";
import { newTrace, runWithTrace } from "@/lib/auth/trace";
import { nowSeconds, setOffset } from "@/lib/clock";
import { env } from "@/lib/env";

const SALT = "authjs.session-token";
const opts = (o: Partial<CodecOptions> = {}): CodecOptions => ({
  mode: "jwt",
  enforceDenyList: false,
  ...o,
});
const REFRESH: Partial<CodecOptions> = { mode: "jwt-refresh" };
const encode = (token: JWT, o?: Partial<CodecOptions>) =>
  encodeSessionJwt({ token, salt: SALT, secret: "" }, opts(o));

async function decode(token: string, o?: Partial<CodecOptions>, salt = SALT) {
  const trace = newTrace();
  const claims = await runWithTrace(trace, () => decodeSessionJwt({ token, salt, secret: "" }, opts(o)));
  return { claims, trace };
}

/** Replace one character of the given part with a different base64url character. */
function flip(jwe: string, part: number, at: number): string {
  const parts = jwe.split(".");
  const p = parts[part] ?? "";
  const i = at < 0 ? p.length + at : at;
  parts[part] = p.slice(0, i) + (p[i] === "A" ? "B" : "A") + p.slice(i + 1);
  return parts.join(".");
}

afterEach(async () => {
  await setOffset(0);
});

describe("encodeSessionJwt / decodeSessionJwt", () => {
  it("round-trips the claims and adds iat, exp, jti and the key name", async () => {
    const claims = {
      sub: "user-1",
      email: "a@example.test",
      role: "admin",
      sid: "s-1",
      authTime: nowSeconds(),
    };
    const { claims: out, trace } = await decode(await encode(claims));
    expect(out).toMatchObject({ ...claims, kidName: "k1" });
    expect(out?.exp).toBe((out?.iat as number) + env.AUTH_SESSION_MAX_AGE);
    expect(typeof out?.jti).toBe("string");
    expect(trace.rejection).toBeUndefined();
  });

  it("is an Auth.js-style JWE: alg dir, enc A256CBC-HS512, kid = thumbprint of the derived key", async () => {
    const jwe = await encode({ sub: "u" });
    expect(jwe.split(".")).toHaveLength(5);
    const header = decodeProtectedHeader(jwe);
    expect(header.alg).toBe("dir");
    expect(header.enc).toBe("A256CBC-HS512");
    expect(header.kid).toBe(await thumbprint(await deriveKey(env.AUTH_SECRET, SALT)));
    expect(jwe).not.toContain(Buffer.from('"sub":"u"').toString("base64url").slice(0, 8));
  });

  it("issues a fresh jti and ciphertext each time", async () => {
    const [a, b] = await Promise.all([encode({ sub: "u" }), encode({ sub: "u" })]);
    expect(a).not.toBe(b);
    expect((await decode(a)).claims?.jti).not.toBe((await decode(b)).claims?.jti);
  });

  it("refuses a token made for another cookie name (key is per salt)", async () => {
    const { claims, trace } = await decode(await encode({ sub: "u" }), {}, "__Secure-authjs.session-token");
    expect(claims).toBeNull();
    expect(trace.rejection).toMatch(/no key/i);
  });
});

describe("tampering and garbage", () => {
  it.each([
    ["ciphertext", 3, 5],
    ["authentication tag", 4, 3],
    ["initialization vector", 2, 2],
  ])("one changed character in the %s → null (tampered)", async (_name, part, at) => {
    const jwe = await encode({ sub: "u", role: "user" });
    const { claims, trace } = await decode(flip(jwe, part, at));
    expect(claims).toBeNull();
    expect(trace.rejection).toMatch(/tampered/);
  });

  it("a truncated token → null", async () => {
    const jwe = await encode({ sub: "u" });
    for (const cut of [jwe.slice(0, -10), jwe.slice(0, jwe.lastIndexOf(".")), jwe.slice(0, 40)]) {
      const { claims, trace } = await decode(cut);
      expect(claims).toBeNull();
      expect(trace.rejection).toBeTruthy();
    }
  });

  it("a string that is not a JWE → null with a reason", async () => {
    for (const junk of ["not-a-token", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1In0."]) {
      const { claims, trace } = await decode(junk);
      expect(claims).toBeNull();
      expect(trace.rejection).toBeTruthy();
    }
    const { trace } = await decode("garbage");
    expect(trace.rejection).toMatch(/not a JWE/);
    expect((await decode("")).claims).toBeNull();
  });
});

describe("expiry", () => {
  it("a refresh-mode access token past its lifetime (auth clock +2 min, ttl 60 s) → null, explained", async () => {
    const jwe = await encode({ sub: "u" }, REFRESH);
    expect((await decode(jwe, REFRESH)).claims).not.toBeNull();
    await setOffset(120_000);
    const { claims, trace } = await decode(jwe, REFRESH);
    expect(claims).toBeNull();
    expect(trace.rejection).toMatch(/expired/i);
  });

  it("a refresh-mode token keeps an existing exp when re-issued; a plain JWT slides", async () => {
    const exp = nowSeconds() + 30;
    const kept = await decode(await encode({ sub: "u", exp }, REFRESH), REFRESH);
    expect(kept.claims?.exp).toBe(exp);
    const slid = await decode(await encode({ sub: "u", exp }));
    expect(slid.claims?.exp).toBeGreaterThanOrEqual(nowSeconds() + env.AUTH_SESSION_MAX_AGE - 1);
  });

  it("a new refresh-mode token lives AUTH_ACCESS_TOKEN_TTL", async () => {
    const { claims } = await decode(await encode({ sub: "u" }, REFRESH), REFRESH);
    expect(claims?.exp).toBe((claims?.iat as number) + env.AUTH_ACCESS_TOKEN_TTL);
    expect(claims?.mode).toBe("jwt-refresh");
  });

  it("the token's own mode decides its lifetime: a refresh-mode token is refused in plain JWT mode", async () => {
    const short = await encode({ sub: "u" }, REFRESH);
    const { claims, trace } = await decode(short, { mode: "jwt" });
    expect(claims).toBeNull();
    expect(trace.rejection).toMatch(/made for the JWT \+ refresh mode/);
    // Even re-encoded by a plain-JWT request, it keeps its short exp.
    const reissued = await decode(
      await encode({ sub: "u", mode: "jwt-refresh", exp: nowSeconds() + 20 }),
      REFRESH,
    );
    expect(reissued.claims?.exp).toBe(nowSeconds() + 20);
  });

  it("exp is capped at authTime + AUTH_ABSOLUTE_MAX_AGE", async () => {
    const authTime = nowSeconds() - env.AUTH_ABSOLUTE_MAX_AGE + 30;
    const { claims } = await decode(await encode({ sub: "u", authTime }));
    expect(claims?.exp).toBe(authTime + env.AUTH_ABSOLUTE_MAX_AGE);
    expect(claims?.authTime).toBe(authTime);
  });

  it("a token past the absolute timeout → null, even inside exp's clock tolerance", async () => {
    const jwe = await encode({ sub: "u", authTime: nowSeconds() - env.AUTH_ABSOLUTE_MAX_AGE + 10 });
    // exp was capped at authTime + absolute; 5 s past it jose still accepts (15 s tolerance), the codec must not.
    await setOffset(15_000);
    const { claims, trace } = await decode(jwe);
    expect(claims).toBeNull();
    expect(trace.rejection).toMatch(/absolute timeout/);
  });
});
