import { createCipheriv, randomBytes } from "node:crypto";
import { decodeProtectedHeader, EncryptJWT } from "jose";
import { decode as authJsDecode, encode as authJsEncode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeAwaiting, decodeNow, decodeSessionJwt, encodeSessionJwt } from "@/lib/auth/jwt-codec";
import { deriveKey, thumbprint } from "@/lib/auth/keyring";
import { nowSeconds } from "@/lib/clock";
import { env } from "@/lib/env";
import { mutations } from "./support/jwe-mutations";
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

describe("the synchronous read and the awaited one agree", () => {
  const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64url");
  const withHeader = (jwe: string, header: string | Buffer) =>
    [b64(header), ...jwe.split(".").slice(1)].join(".");

  it("a token this app issues is read without waiting, to the same verdict", async () => {
    const jwe = await encode();
    await decode(jwe); // the key ring and this cookie name's key are ready after the first read
    const now = decodeNow(jwe, SALT, "jwt", at());
    expect(now).toMatchObject({ ok: true, keyId: "k1" });
    expect(now).toEqual(await decodeAwaiting(jwe, SALT, "jwt", at()));
  });

  it("every mutation and odd header: the same verdict and reason, or the awaited path is used", async () => {
    const jwe = await encode();
    const theirs = await authJsEncode({ token: claimsFor(user), secret: env.AUTH_SECRET, salt: SALT });
    await decode(jwe);
    await decode(theirs);
    const kid = decodeProtectedHeader(jwe).kid;
    const odd = [
      '{"alg":"dir","enc":"A256GCM"}',
      `{"alg":"dir","enc":"A256GCM","kid":5}`,
      `{"alg":"dir","enc":"A256GCM","kid":"${kid}","typ":"JWT"}`,
      `{"alg":"RSA-OAEP","enc":"A256GCM","kid":"${kid}"}`,
      `{"alg":"dir","enc":"A128GCM","kid":"${kid}"}`,
      `{"alg":"dir","enc":"A256GCM","kid":"${kid}","__proto__":{"x":1}}`,
      '["dir"]',
      "null",
      "42",
      "not json",
      Buffer.concat([
        Buffer.from('{"alg":"dir","enc":"A256GCM","kid":"'),
        Buffer.from([0xff]),
        Buffer.from('"}'),
      ]), // not UTF-8
    ].map((h) => withHeader(jwe, h));
    // Validly encrypted, but with a header jose must judge (a critical extension it does not know).
    const key = deriveKey(env.AUTH_SECRET, SALT, "A256GCM");
    const sealed = (header: object) => {
      const protectedB64 = b64(JSON.stringify(header));
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(Buffer.from(protectedB64));
      const claims = { ...claimsFor(user), iat: at(), exp: at() + 600 };
      const body = Buffer.concat([cipher.update(JSON.stringify(claims)), cipher.final()]);
      return [protectedB64, "", b64(iv), b64(body), b64(cipher.getAuthTag())].join(".");
    };
    const plain = sealed({ alg: "dir", enc: "A256GCM", kid });
    const critical = sealed({ alg: "dir", enc: "A256GCM", kid, crit: ["lab"], lab: 1 });
    expect(decodeNow(plain, SALT, "jwt", at())).toMatchObject({ ok: true });
    expect(await decodeAwaiting(critical, SALT, "jwt", at())).toMatchObject({ ok: false });
    let taken = 0;
    for (const token of [...mutations(jwe), ...mutations(theirs), ...odd, critical]) {
      const awaited = await decodeAwaiting(token, SALT, "jwt", at());
      const now = decodeNow(token, SALT, "jwt", at());
      if (now) taken++;
      expect({ token, verdict: now ?? awaited }).toEqual({ token, verdict: awaited });
    }
    // Most of the corpus must really go through the synchronous path, or this compares nothing.
    expect(taken).toBeGreaterThan(300);
  });
});
