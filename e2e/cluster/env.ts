import { PORT_OFFSET } from "../support/env";

/**
 * The "cluster" Playwright project's servers (e2e/cluster/serve.ts): two app instances on the e2e
 * build, one PostgreSQL database of their own (reset at every start), and the front proxy.
 */
export const CLUSTER_FRONT_PORT = Number(process.env.E2E_CLUSTER_PORT || 3510 + PORT_OFFSET);
export const CLUSTER_FRONT_URL = `http://localhost:${CLUSTER_FRONT_PORT}`;
export const CLUSTER_INSTANCES = [
  { name: "a", port: CLUSTER_FRONT_PORT + 1 },
  { name: "b", port: CLUSTER_FRONT_PORT + 2 },
].map((i) => ({ ...i, url: `http://127.0.0.1:${i.port}` }));
export const CLUSTER_DB_URL =
  process.env.E2E_CLUSTER_DATABASE_URL ||
  `postgresql://postgres@127.0.0.1:5432/session_lab_e2e_cluster${PORT_OFFSET ? `_${PORT_OFFSET}` : ""}`;
/** A fixed, public test secret for the orders-service client (introspection), like the e2e AUTH_SECRET. */
export const CLUSTER_SERVICE_SECRET = "cluster-e2e-service-client-secret-not-for-production";
