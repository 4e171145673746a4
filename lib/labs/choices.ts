import { STRATEGY_LABELS, type Strategy } from "@/lib/auth/strategy";

/**
 * Lab 7: three products, one mode each, with a reason. Pure data and one pure function, so the
 * feedback can be tested and shown anywhere. The feedback weighs the mode against what the
 * product needs most, and checks that the reason names that need.
 */
export const SCENARIOS = {
  banking: {
    title: "A banking app",
    need: "Signing a customer out everywhere, at once, when fraud is suspected.",
    words: [
      "revoc",
      "revok",
      "instant",
      "immediate",
      "sign out",
      "log out",
      "logout",
      "fraud",
      "kill",
      "delete",
      "control",
    ],
    fit: {
      database: [
        "strong",
        "A row per session: deleting it ends the session on the next request. Revocation is immediate.",
      ],
      "cookie-cache": [
        "workable",
        "Revocation waits for the signed copy to go stale (seconds): acceptable if that window is short.",
      ],
      "jwt-refresh": [
        "workable",
        "A stolen access token keeps working until it expires (about a minute here); revoking the refresh family stops the rest.",
      ],
      jwt: [
        "risky",
        "A stolen JWT stays valid until its exp unless every request checks a deny-list, and then the server keeps state anyway.",
      ],
    },
  },
  ecommerce: {
    title: "An e-commerce platform of services",
    need: "Orders, payments and recommendations each deciding who is calling without asking one central store.",
    words: [
      "service",
      "micro",
      "scale",
      "stateless",
      "signature",
      "public key",
      "verify",
      "independ",
      "jwks",
    ],
    fit: {
      "jwt-refresh": [
        "strong",
        "Short signed tokens every service verifies alone; refresh rotation gives back a way to end sessions.",
      ],
      jwt: [
        "workable",
        "Services verify alone, but a long-lived token cannot be taken back: keep it short or add a deny-list.",
      ],
      database: [
        "workable",
        "Safe, but every service must ask the app (introspection) or receive a signed access token minted from the session.",
      ],
      "cookie-cache": [
        "workable",
        "Saves lookups in the app only; other services still cannot read the session.",
      ],
    },
  },
  saas: {
    title: "A multi-client SaaS (web, mobile, CLI)",
    need: "Clients without a cookie jar sending a token in an Authorization header.",
    words: ["mobile", "cli", "header", "bearer", "client", "api", "portable", "refresh"],
    fit: {
      "jwt-refresh": [
        "strong",
        "Bearer access tokens for every client, refresh tokens they keep, rotation that catches a stolen one.",
      ],
      jwt: [
        "workable",
        "Works in a header everywhere, but a leaked token (a laptop's token file) lives until exp.",
      ],
      database: [
        "workable",
        "An opaque token works as a bearer token too; each API call costs a lookup, and nothing is readable by other services.",
      ],
      "cookie-cache": [
        "risky",
        "The signed cache is a browser cookie optimisation: CLI and mobile clients gain nothing from it.",
      ],
    },
  },
} as const satisfies Record<
  string,
  { title: string; need: string; words: readonly string[]; fit: Record<Strategy, readonly [string, string]> }
>;

export type ScenarioId = keyof typeof SCENARIOS;
export const SCENARIO_IDS = Object.keys(SCENARIOS) as ScenarioId[];

export interface Feedback {
  verdict: "strong" | "workable" | "risky";
  text: string;
}

export function feedbackFor(scenario: ScenarioId, mode: Strategy, reason: string): Feedback {
  const s = SCENARIOS[scenario];
  const [verdict, why] = s.fit[mode];
  const lower = reason.toLowerCase();
  const named = s.words.some((w) => lower.includes(w));
  const aboutReason = named
    ? "Your reason names what matters most here."
    : `Your reason does not say how it meets the main need: ${s.need.toLowerCase()}`;
  return {
    verdict: verdict as Feedback["verdict"],
    text: `${STRATEGY_LABELS[mode]} for ${s.title.toLowerCase()}: ${verdict}. ${why} ${aboutReason}`,
  };
}
