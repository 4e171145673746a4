import "server-only";
import { nowSeconds } from "@/lib/clock";
import { COOKIES } from "../cookies";
import { encodeSessionJwt } from "../jwt-codec";
import { duration, lifetimes } from "../lifetimes";
import { sessionCredential } from "../scope";
import { sessionCookieLines } from "../session-cookie";
import { decodeForAuthJs, encodeForAuthJs, jwtClaimsAtSignIn, readJwt } from "./jwt-shared";
import type { StrategyModule } from "./types";

export const jwtStrategy: StrategyModule = {
  id: "jwt",
  nextAuth: "jwt",
  intro:
    "JWT sessions: the cookie holds the whole session, encrypted; the server keeps nothing and trusts whatever it can decrypt.",
  serverKeeps: "Nothing. The whole session travels in the cookie; any server holding the key can check it.",
  readsPerRequest: "none (one more lookup when the deny-list is checked)",
  levers: {
    "sign-out": "Only drops this browser's cookie: a copy keeps working until its exp.",
    "deny-sid": "Refused on the next request, wherever the deny-list is checked.",
    "deny-user":
      "Every token of the user issued before the entry is refused, wherever the deny-list is checked.",
    "hard-rotation": "No key can decrypt it any more: refused on the next request, for everyone.",
    "grace-rotation": "Not a revocation: the old key still decrypts until its tokens expire.",
    admin:
      "The instructor deny-lists the user: refused where the deny-list is checked, else valid until exp.",
  },
  lifetimeRules: (l) => [
    {
      name: "Idle timeout",
      seconds: l.idleS,
      what: `the token's exp; a page view re-issues it at most every ${duration(l.updateAgeS)}`,
    },
    { name: "Absolute timeout", seconds: l.absoluteS, what: "after signing in: no re-issue goes past it" },
  ],
  extraCookies: [],
  signIn: (input) => jwtClaimsAtSignIn("jwt", input),
  encode: (token, salt) => encodeForAuthJs("jwt", token, salt),
  decode: (token, salt) => decodeForAuthJs("jwt", token, salt),
  read: (credential, scope) => readJwt("jwt", credential, COOKIES.session.name(scope.secure), scope),
  /**
   * A sliding session: re-issue with a fresh exp, but only once the token is updateAge old (as
   * database mode writes its row). Re-issuing on every page would put a new cookie on every
   * response, including one already in flight when the user signs out.
   */
  async renew(verdict, scope) {
    const claims = verdict.claims;
    const credential = sessionCredential(scope);
    if (!claims || !credential || verdict.via !== "cookie") return null;
    const at = nowSeconds();
    const l = lifetimes();
    if (at - claims.iat < l.updateAgeS) return null;
    const token = await encodeSessionJwt(claims, COOKIES.session.name(scope.secure), at);
    const maxAge = Math.min(l.idleS, claims.authTime + l.absoluteS - at);
    return { setCookies: sessionCookieLines(token, scope, { persistent: claims.persistent, maxAge }) };
  },
};
