/**
 * The orders service (`npm run service`): a separate system that trusts the app to say who a
 * user is, the way a shop's orders service trusts its sign-in service. Plain node:http, its own
 * port (ORDERS_PORT, default 4000), no database.
 *
 *   GET /orders   Authorization: Bearer <token>  → the caller's orders, and how the caller was
 *                 verified: { orders, user, verification: { method, contacted, ms } }
 *   GET /health   → this service's state (cached keys, how often it fetched them)
 *
 * Tokens are never logged: a log line with a bearer token in it is a stolen session.
 */
import { existsSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { type AppKeys, appKeys } from "./orders/app-keys";
import { loadConfig, type OrdersConfig } from "./orders/config";
import { ordersFor } from "./orders/demo-orders";
import { verifyBearer } from "./orders/verify";

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]{1,8192})\s*$/i;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

async function orders(req: IncomingMessage, res: ServerResponse, keys: AppKeys, config: OrdersConfig) {
  const token = BEARER.exec(req.headers.authorization ?? "")?.[1];
  if (!token)
    return send(
      res,
      401,
      { error: "invalid_request", reason: "send Authorization: Bearer <token>" },
      { "www-authenticate": 'Bearer realm="orders"' },
    );
  const v = await verifyBearer(token, keys, config);
  const verification = { method: v.method, contacted: v.contacted, ms: Number(v.ms.toFixed(3)) };
  log(
    `GET /orders ${v.outcome.ok ? 200 : v.outcome.status} ${v.method} ${verification.ms} ms contacted=${JSON.stringify(v.contacted)}`,
  );
  if (!v.outcome.ok) {
    const { status, error, reason } = v.outcome;
    const auth: Record<string, string> =
      status === 401 ? { "www-authenticate": `Bearer realm="orders", error="invalid_token"` } : {};
    return send(res, status, { error, reason, verification }, auth);
  }
  const { caller } = v.outcome;
  send(res, 200, { user: caller, orders: ordersFor(caller.sub), verification });
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export function createOrdersService(config: OrdersConfig, keys: AppKeys = appKeys(config)) {
  const routes: Record<string, Handler> = {
    "GET /orders": (req, res) => orders(req, res, keys, config),
    "GET /health": (_req, res) =>
      send(res, 200, { ok: true, service: "orders", app: config.appUrl, jwks: keys.state() }),
  };
  const paths = new Set(Object.keys(routes).map((r) => r.split(" ")[1]));
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://orders.invalid");
    const route = `${req.method} ${url.pathname}`;
    const handler: Handler =
      routes[route] ??
      (paths.has(url.pathname)
        ? (_req, r) => send(r, 405, { error: "method_not_allowed" }, { allow: "GET" })
        : (_req, r) => send(r, 404, { error: "not_found", reason: "try GET /orders or GET /health" }));
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        // One line, no stack, no request data: the caller gets a sentence, the log a reason.
        log(`error on ${route}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
        if (!res.headersSent)
          send(res, 500, { error: "internal", reason: "the orders service failed; see its log" });
        else res.end();
      });
  });
}

function log(line: string) {
  console.log(`[orders] ${line}`);
}

function main() {
  // The lab's .env.local holds the shared client secret (npm run setup writes it); the real
  // environment wins over it, as with the app.
  const envFile = path.resolve(__dirname, "..", ".env.local");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  let config: OrdersConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  if (!config.clientSecret)
    console.warn("[orders] SERVICE_CLIENT_SECRET is not set: tokens that need introspection will get 503.");
  const server = createOrdersService(config);
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === "EADDRINUSE"
        ? `[orders] port ${config.port} is taken: set ORDERS_PORT to another port.`
        : `[orders] ${error.message}`,
    );
    process.exit(2);
  });
  server.listen(config.port, config.host, () => {
    log(
      `ready on http://${config.host}:${config.port} (app: ${config.appUrl}, expects iss ${config.issuer})`,
    );
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      server.close();
      process.exit(0);
    });
}

if (require.main === module) main();
