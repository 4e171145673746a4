/**
 * The "services" project's own servers (see playwright.config.ts): an app instance on 3104 (the
 * e2e build and database, started by e2e/support/serve-services.ts) and the orders service on
 * 4104 in front of it. Short lifetimes, so tests watch tokens expire and keys rotate in seconds.
 */
import { PORT_OFFSET } from "./env";
// Overridable, like the other e2e servers, for machines where these ports are taken.
export const SVC_APP_PORT = Number(process.env.E2E_SERVICES_APP_PORT || 3104 + PORT_OFFSET);
export const SVC_SERVICE_PORT = Number(process.env.E2E_SERVICES_SERVICE_PORT || 4104 + PORT_OFFSET);
/** The browser's URL (localhost, like the other e2e servers: cookies go by host). */
export const SVC_APP_URL = `http://localhost:${SVC_APP_PORT}`;
/** The app's own idea of itself (its internal URL): the `iss` of its access tokens. */
export const SVC_APP_ORIGIN = `http://127.0.0.1:${SVC_APP_PORT}`;
export const SVC_SERVICE_URL = `http://127.0.0.1:${SVC_SERVICE_PORT}`;
/**
 * Spare ports for tests that start (and stop) an app and a service of their own: clear of every
 * other e2e server (3100-3105), so a busy port never passes for this test's app.
 */
export const SPARE_APP_PORT = SVC_APP_PORT + 10;
export const SPARE_SERVICE_PORT = SVC_SERVICE_PORT + 10;

/** A test secret, so it is fine that it is public. */
export const SVC_CLIENT_SECRET = "e2e-orders-client-secret-not-for-production-42";

export const TIMINGS = {
  /** Access tokens live 6 s: "works until exp" is watched, not assumed. */
  tokenTtlS: 6,
  /** A rotated key is published 12 s before it signs (time enough to look before it does)... */
  publishLeadS: 12,
  /** ...and the service keeps fetched keys 2 s: shorter than the lead, as publish-then-sign needs. */
  jwksMaxAgeS: 2,
  clockToleranceS: 1,
};

/** The app's environment (on top of the shared e2e one: build folder, database, secret). */
export const SVC_APP_ENV = {
  SERVICE_CLIENT_SECRET: SVC_CLIENT_SECRET,
  SERVICE_TOKEN_TTL: String(TIMINGS.tokenTtlS),
  SIGNING_KEY_PUBLISH_LEAD: String(TIMINGS.publishLeadS),
  AUTH_SESSION_STRATEGY: "database",
  AUTH_STRATEGY_LOCKED: "0",
};

export function serviceEnv(appOrigin: string, port: number, jwksMaxAgeS = TIMINGS.jwksMaxAgeS) {
  return {
    ORDERS_PORT: String(port),
    APP_URL: appOrigin,
    SERVICE_CLIENT_SECRET: SVC_CLIENT_SECRET,
    ORDERS_JWKS_MAX_AGE: String(jwksMaxAgeS),
    ORDERS_JWKS_COOLDOWN: "1",
    ORDERS_CLOCK_TOLERANCE: String(TIMINGS.clockToleranceS),
  };
}
