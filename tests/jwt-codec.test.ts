import { decodeProtectedHeader, EncryptJWT } from "jose";
import { decode as authJsDecode, encode as authJsEncode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionJwt, encodeSessionJwt } from "@/lib/auth/jwt-codec";
import { deriveKey, thumbprint } from "@/lib/auth/keyring";
import { nowSeconds } from "@/lib/clock";
import { env } from "@/lib/env";
import { claimsFor, SALT } from "./support/sessions";

const user = { id: "user-1", email: "a@example.test", name: "A", role: "admin" };
const at = () => nowSeconds();
const encode = (claims = claimsFor(user)) => encodeSessionJwt(claims, SALT, at());
const decode = (token: string, salt = SALT) => decodeSessionJwt(token, salt, "jwt", at());

/** Replace one character of the given part with a different base64url character. */
function flip(jwe: string, part: number, i: number): string {
  const parts = jwe.split(".");
  const p = parts[part] ?? "";
  parts[part] = p.slice(0, i) + (p[i] === "A" ? "B" : "A") + p.slice(i + 1);
  return parts.join(".");
}

describe("encodeSessionJwt / decodeSessionJwt", () => {
  it("round-trips the claims and adds iat, exp, jti and the key name", async () => {
    const claims = claimsFor(user);
    const out = await decode(await encode(claims));
    if (!out.ok) throw new Error(out.reason);
    expect(out.claims).toMatchObject({ ...claims, kidName: "k1" });
    expect(out.claims.exp).toBe(out.claims.iat + env.AUTH_SESSION_MAX_AGE);
    expect(typeof out.claims.jti).toBe("string");
    expect(out.keyId).toBe("k1");
    expect(out.enc).toBe("A256GCM");
  });

  it("is an Auth.js-style JWE: alg dir, enc A256GCM, kid = thumbprint of the derived key", async () => {
    const jwe = await encode();
    expect(jwe.split(".")).toHaveLength(5);
    const header = decodeProtectedHeader(jwe);
    expect(header.alg).toBe("dir");
    expect(header.enc).toBe("A256GCM");
    expect(header.kid).toBe(await thumbprint(deriveKey(env.AUTH_SECRET, SALT, "A256GCM")));
    expect(jwe).not.toContain(Buffer.from(`"sub":"${user.id}"`).toString("base64url").slice(0, 8));
  });

  it("Auth.js's own decoder reads our token, and ours reads Auth.js's default A256CBC-HS512", async () => {
    const ours = await encode();
    expect(await authJsDecode({ token: ours, secret: env.AUTH_SECRET, salt: SALT })).toMatchObject({
      sub: user.id,
    });
    const theirs = await authJsEncode({ token: claimsFor(user), secret: env.AUTH_SECRET, salt: SALT });
    expect(decodeProtectedHeader(theirs).enc).toBe("A256CBC-HS512");
    const out = await decode(theirs);
    expect(out.ok && out.enc).toBe("A256CBC-HS512");
    expect(out.ok && out.claims.sub).toBe(user.id);
  });

  it("issues a fresh jti and ciphertext each time", async () => {
    const [a, b] = await Promise.all([encode(), encode()]);
    expect(a).not.toBe(b);
    const [da, db] = await Promise.all([decode(a), decode(b)]);
    expect(da.ok && db.ok && da.claims.jti !== db.claims.jti).toBe(true);
  });

  it("refuses a token made for another cookie name (key is per salt)", async () => {
    const out = await decode(await encode(), "__Secure-authjs.session-token");
    expect(out).toMatchObject({ ok: false, limit: "key" });
  });
});

describe("tampering and garbage", () => {
  it.each([
    ["ciphertext", 3, 5],
    ["authentication tag", 4, 3],
    ["initialization vector", 2, 2],
  ])("one changed character in the %s → refused as tampered", async (_name, part, i) => {
    const out = await decode(flip(await encode(), part, i));
    expect(out).toMatchObject({ ok: false, limit: "tampered" });
  });

  it("a truncated token → refused with a reason", async () => {
    const jwe = await encode();
    for (const cut of [jwe.slice(0, -10), jwe.slice(0, jwe.lastIndexOf(".")), jwe.slice(0, 40)]) {
      const out = await decode(cut);
      expect(out.ok).toBe(false);
      expect(out.ok ? "" : out.reason).toBeTruthy();
    }
  });

  it("a string that is not a JWE → malformed, with a reason", async () => {
    for (const junk of ["not-a-token", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1In0.", ""]) {
      expect(await decode(junk)).toMatchObject({ ok: false });
    }
    const out = await decode("garbage");
    expect(out).toMatchObject({ ok: false, limit: "malformed" });
    expect(out.ok ? "" : out.reason).toMatch(/not a JWE/);
  });

  it("a header asking for an algorithm this server never issues → malformed", async () => {
    const key = deriveKey(env.AUTH_SECRET, SALT, "A256GCM");
    const weird = await new EncryptJWT({ ...claimsFor(user), iat: at(), exp: at() + 60 })
      .setProtectedHeader({ alg: "dir", enc: "A128GCM" })
      .encrypt(key.slice(0, 16));
    expect(await decode(weird)).toMatchObject({ ok: false, limit: "malformed" });
  });

  it("a token whose claims are not the lab's (no sid) is refused, not half-trusted", async () => {
    const { sid: _sid, ...noSid } = claimsFor(user);
    const token = await authJsEncode({ token: noSid, secret: env.AUTH_SECRET, salt: SALT });
    expect(await decode(token)).toMatchObject({ ok: false, limit: "malformed" });
  });
});
