import "server-only";
import { nowSeconds } from "@/lib/clock";
import { COOKIES } from "./cookies";
import { encodeSessionJwt } from "./jwt-codec";
import { lifetimes } from "./lifetimes";
import { startRefreshFamily } from "./refresh";
import { STRATEGY_MODULES } from "./strategies";
import { jwtClaimsAtSignIn } from "./strategies/jwt-shared";
import type { SignInInput } from "./strategies/types";
import type { Strategy } from "./strategy";

/**
 * Sessions for clients without cookies (the CLI): the same session a browser would get in that
 * mode, made by the mode's own sign-in, handed over in a response body instead of cookies. The
 * client then sends it back as `Authorization: Bearer …`, and the read path judges it exactly as
 * it judges a cookie.
 */
export interface ClientSession {
  accessToken: string;
  /** Seconds until the access token stops being accepted (if nothing renews it). */
  expiresIn: number;
  /** JWT + refresh only: the rotating refresh token (the browser gets it in an HttpOnly cookie). */
  refreshToken?: string;
}

type Issue = (input: SignInInput, salt: string) => Promise<ClientSession>;

/** Database mode: a Session row (device: the client's User-Agent); the token is the row's opaque id. */
const databaseSession: Issue = async (input, salt) => {
  const mode = STRATEGY_MODULES.database;
  return { accessToken: await mode.encode(await mode.signIn(input), salt), expiresIn: lifetimes().idleS };
};

/** One entry per mode, like STRATEGY_MODULES: nothing else here names a mode. */
const ISSUERS: Record<Strategy, Issue> = {
  database: databaseSession,
  // A cookie cache is a second cookie: a client without cookies gets the database session under it.
  "cookie-cache": databaseSession,
  jwt: async (input, salt) => {
    const mode = STRATEGY_MODULES.jwt;
    return { accessToken: await mode.encode(await mode.signIn(input), salt), expiresIn: lifetimes().idleS };
  },
  // The module's sign-in puts the refresh token in a browser cookie; a client gets it in the body.
  "jwt-refresh": async (input, salt) => {
    const at = nowSeconds();
    const claims = await jwtClaimsAtSignIn("jwt-refresh", input);
    const family = await startRefreshFamily(input.user.id, claims.sid, input.persistent);
    const exp = at + lifetimes().accessS;
    const accessToken = await encodeSessionJwt({ ...claims, fam: family.familyId, exp }, salt, at);
    return { accessToken, expiresIn: exp - at, refreshToken: family.token };
  },
};

/** Run inside atFixedTime: the session's times are decided on one instant of the auth clock. */
export function issueClientSession(strategy: Strategy, input: SignInInput): Promise<ClientSession> {
  // A JWE's key is derived from the session cookie's name; the read path derives it the same way.
  return ISSUERS[strategy](input, COOKIES.session.name(input.scope.secure));
}
