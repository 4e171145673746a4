import { spawnSync } from "node:child_process";

/**
 * Is PostgreSQL listening where the "postgresql" project expects it? Asked once, synchronously,
 * when playwright.config.ts loads (a config cannot await): a short-lived node process tries a TCP
 * connection for up to two seconds.
 */
export function postgresListening(url: string): boolean {
  const { hostname, port } = new URL(url);
  const probe = `
    const s = require("node:net").connect(${Number(port || 5432)}, ${JSON.stringify(hostname || "127.0.0.1")});
    s.setTimeout(2000);
    s.on("connect", () => process.exit(0));
    s.on("error", () => process.exit(1));
    s.on("timeout", () => process.exit(1));`;
  return spawnSync(process.execPath, ["-e", probe], { timeout: 5000 }).status === 0;
}
