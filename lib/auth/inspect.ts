/**
 * Pure helpers that take a credential apart for display. No secrets, no I/O: unit-tested.
 */
export interface TokenPart {
  name: string;
  bytes: number;
  preview: string;
}

const JWE_PART_NAMES = [
  "Protected header",
  "Encrypted key",
  "Initialization vector",
  "Ciphertext",
  "Authentication tag",
];
const JWS_PART_NAMES = ["Header", "Payload", "Signature"];

export function abbreviate(value: string, keep = 10): string {
  return value.length <= keep * 2 + 1 ? value : `${value.slice(0, keep)}…${value.slice(-keep)}`;
}

export function byteLength(value: string): number {
  return new TextEncoder().encode(value).byteLength;
}

/** A compact JWE has five dot-separated parts, a JWS three. Anything else is not a JWT. */
export function tokenParts(token: string): { kind: "JWE" | "JWS"; parts: TokenPart[] } | null {
  const raw = token.split(".");
  const names = raw.length === 5 ? JWE_PART_NAMES : raw.length === 3 ? JWS_PART_NAMES : null;
  if (!names || !raw.every((p) => /^[A-Za-z0-9_-]*$/.test(p))) return null;
  return {
    kind: raw.length === 5 ? "JWE" : "JWS",
    parts: raw.map((p, i) => ({
      name: names[i] ?? `part ${i}`,
      bytes: byteLength(p),
      preview: abbreviate(p, 6) || "(empty)",
    })),
  };
}

/** The readable header of a compact JWT (never the payload of a JWE: that is encrypted). */
export function decodeHeader(token: string): Record<string, unknown> | null {
  const first = token.split(".")[0];
  if (!first) return null;
  try {
    const json = Buffer.from(first, "base64url").toString("utf8");
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
