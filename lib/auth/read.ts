import "server-only";
import { atFixedTime } from "@/lib/clock";
import { settingsReady, syncSettings } from "@/lib/settings";
import { COOKIES } from "./cookies";
import { type RequestScope, sessionCredential } from "./scope";
import { STRATEGY_MODULES } from "./strategies";
import { readJwt } from "./strategies/jwt-shared";
import type { Verdict } from "./strategies/types";
import { failClosed } from "./strategies/verdicts";

/**
 * The app's read path: who is asking, decided once per request, by the module of the mode the
 * request runs in. It reads the same cookies with the same meaning as Auth.js's `auth()` (a
 * differential test holds it to that), without rebuilding Auth.js's configuration per call.
 *
 * A browser's cookie is read in the browser's chosen mode. A bearer token (the CLI, the orders
 * service) has no mode cookie: an opaque one is a database session id, a JWE is judged in the
 * mode it carries. Whatever goes wrong with a store comes back as "unavailable", never as
 * "signed out" and never as "signed in".
 */
export async function readSession(scope: RequestScope): Promise<Verdict> {
  if (!settingsReady()) await syncSettings();
  return atFixedTime(() =>
    failClosed(async () => {
      if (scope.bearer) return readBearer(scope.bearer, scope);
      const credential = sessionCredential(scope);
      if (!credential) return { status: "signed-out", limit: null, reason: null };
      return STRATEGY_MODULES[scope.strategy].read(credential, scope);
    }),
  );
}

function readBearer(token: string, scope: RequestScope): Promise<Verdict> {
  const isJwe = token.split(".").length === 5;
  if (isJwe) return readJwt("any", token, COOKIES.session.name(scope.secure), scope);
  return STRATEGY_MODULES.database.read(token, scope);
}
