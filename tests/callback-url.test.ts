import { describe, expect, it } from "vitest";
import { safeCallback } from "@/lib/auth/callback-url";

/**
 * After sign-in the browser goes to safeCallback(?callbackUrl=…) with window.location.assign, and
 * Auth.js's magic-link flow redirects to it. Both resolve it against this site, so the property a
 * user relies on is: wherever the value came from, the browser stays on the site.
 */
const SITE = "http://lab.test";
const staysOnSite = (result: string) => new URL(result, SITE).origin === SITE;

/** Values that are (or normalise to) a protocol-relative, foreign or script URL: all must give "/". */
const DANGEROUS: unknown[] = [
  "//evil.example",
  "///evil.example",
  "/.//evil.example", // dot segments removed: "//evil.example"
  "/.//evil.example/?a",
  "/.//",
  "/././/evil.example",
  "/..//evil.example",
  "/a/..//evil.example",
  "/a/../..//evil.example",
  "/x/./../../..//evil.example",
  "/%2e//evil.example", // %2e is a dot to the URL parser
  "/.%2e//evil.example",
  "/%2E%2E//evil.example",
  "/%2f%2fevil.example", // decodes to "//evil.example"
  "/%2F/evil.example",
  "/.%2F/evil.example", // decodes to "/.//evil.example", which a second parse turns into "//evil.example"
  "/\\evil.example", // backslashes are slashes to a browser
  "/\\/evil.example",
  "/%5cevil.example",
  "/%5C%5Cevil.example",
  "/.\\\\evil.example",
  "/\t/evil.example", // browsers strip tabs and newlines from URLs
  "/\n/evil.example",
  "/\r/evil.example",
  "/\u0000/evil.example",
  "/https://evil.example", // decodes to something that reads as a scheme
  "/javascript:alert(1)",
  "https://evil.example",
  "javascript:alert(1)",
  "evil.example",
  `/${"a".repeat(2048)}`,
  "",
  undefined,
  null,
  42,
  ["/revocation"],
];

/** Values that stay on the site: kept, normalised to an on-site path. */
const KEPT: [string, string][] = [
  ["/revocation", "/revocation"],
  ["/revocation?x=1#stolen", "/revocation?x=1#stolen"],
  ["/./evil.example", "/evil.example"], // a path on this site named "evil.example"
  ["/path//double", "/path//double"], // "//" later in the path is just a path
  ["/revocation?next=//evil.example", "/revocation?next=//evil.example"],
  ["/revocation#//evil.example", "/revocation#//evil.example"],
  ["/@evil.example", "/@evil.example"],
  ["/mailbox?to=a%40b.c", "/mailbox?to=a%40b.c"],
  ["/ /evil.example", "/%20/evil.example"],
];

/** Odd values whose exact answer does not matter, as long as the browser stays here. */
const ODD = [
  "/%2e%2e%2f%2fevil.example",
  "/%252f%252fevil.example",
  "/%09/evil.example",
  "/%0d%0a//evil.example",
  "/%00//evil.example",
  "/;//evil.example",
  "/\u3000/evil.example",
  "/%E2%80%AE",
  "/%",
  "/evil.example:80",
];

describe("safeCallback (no open redirect after sign-in)", () => {
  it.each(DANGEROUS.map((v) => [JSON.stringify(v)?.slice(0, 40) ?? String(v), v]))(
    "sends %s to the home page",
    (_label, value) => {
      expect(safeCallback(value)).toBe("/");
    },
  );

  it.each(KEPT)("keeps %j on the site as %j", (value, expected) => {
    expect(safeCallback(value)).toBe(expected);
  });

  it("whatever the input, the browser stays on the site, even if the path is used once more", () => {
    const inputs = [...DANGEROUS, ...KEPT.map(([v]) => v), ...ODD];
    for (const value of inputs) {
      const result = safeCallback(value);
      const label = JSON.stringify(value)?.slice(0, 60);
      expect(result.startsWith("/"), label).toBe(true);
      expect(staysOnSite(result), label).toBe(true);
      // The normalised path, taken as a URL again (what "/.//x" → "//x" exploited), stays here too.
      expect(staysOnSite(new URL(result, SITE).pathname), label).toBe(true);
    }
  });
});
