import "server-only";
import { hostname, networkInterfaces } from "node:os";
import { env } from "@/lib/env";

/**
 * Is `host` (a Host header: name or address, optional port) one of this machine's own names on
 * the port the app serves? Interfaces are read on each call: a laptop's Wi-Fi address changes.
 */
export function isOwnHost(host: string): boolean {
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return false;
  }
  if (url.port && Number(url.port) !== env.PORT) return false;
  const name = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const own = new Set([
    "localhost",
    "127.0.0.1",
    "::1",
    hostname().toLowerCase(),
    `${hostname().toLowerCase()}.local`,
  ]);
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) own.add(a.address.toLowerCase());
  return own.has(name);
}
