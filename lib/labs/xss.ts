import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The XSS lab's demo token: what a careless single-page app keeps in localStorage. It is derived
 * from the participant's id with an HMAC keyed by AUTH_SECRET, so the collector can tell the
 * participant's own token from anything typed in, and it grants nothing anywhere else.
 */
export function demoToken(userId: string): string {
  const mac = createHmac("sha256", env.AUTH_SECRET).update(`xss-demo:${userId}`).digest("base64url");
  return `demo_${mac.slice(0, 32)}`;
}

export function isDemoTokenOf(userId: string, value: string): boolean {
  const expected = Buffer.from(demoToken(userId));
  const got = Buffer.from(value);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** Does a document.cookie string contain this cookie (by name)? */
export function cookieStringHas(cookieString: string, name: string): boolean {
  return cookieString.split(";").some(
    (c) =>
      c
        .trim()
        .split("=")[0]
        ?.replace(/\.\d+$/, "") === name,
  );
}
