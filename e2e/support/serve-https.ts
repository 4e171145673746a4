/**
 * The "https" project's server (playwright.config.ts): the e2e build served over HTTPS by the
 * app's own server (server/app-server.ts with TLS_CERT_FILE / TLS_KEY_FILE), with a certificate
 * for localhost made here, at start, by `selfsigned`. Like serve-locked.ts it never builds: it
 * waits for the first e2e server, so the build and the database are ready.
 */

import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import selfsigned from "selfsigned";
import { HTTPS_PORT, REPO_ROOT } from "./env";
import { mirror, waitForFirstServer } from "./first-server";

const TLS_DIR = path.join(REPO_ROOT, ".data", "e2e-tls");

async function certificate(): Promise<{ cert: string; key: string }> {
  const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }] }],
  });
  mkdirSync(TLS_DIR, { recursive: true });
  const cert = path.join(TLS_DIR, "cert.pem");
  const key = path.join(TLS_DIR, "key.pem");
  writeFileSync(cert, pems.cert);
  writeFileSync(key, pems.private, { mode: 0o600 });
  return { cert, key };
}

async function main(): Promise<void> {
  await waitForFirstServer("serve-https");
  const tls = await certificate();
  const server = spawn(process.execPath, ["--import", "tsx", "server/app-server.ts"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      PORT: String(HTTPS_PORT),
      TLS_CERT_FILE: tls.cert,
      TLS_KEY_FILE: tls.key,
      SESSION_LAB_INSTANCE: "https",
    },
  });
  mirror(server);
}

void main();
