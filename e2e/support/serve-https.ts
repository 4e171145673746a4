/**
 * The "https" project's server (playwright.config.ts): the e2e build served over HTTPS by the
 * app's own server (server/app-server.ts with TLS_CERT_FILE / TLS_KEY_FILE), with a certificate
 * for localhost made here, at start, by `selfsigned`. Like serve-locked.ts it never builds: it
 * waits for the first e2e server, so the build and the database are ready.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import selfsigned from "selfsigned";
import { BASE_URL, E2E_DIST_DIR, HTTPS_PORT, REPO_ROOT } from "./env";

const BUILD_ID = path.join(REPO_ROOT, process.env.NEXT_DIST_DIR ?? E2E_DIST_DIR, "BUILD_ID");
const FIRST_SERVER = `${BASE_URL}/api/auth/providers`;
const TLS_DIR = path.join(REPO_ROOT, ".data", "e2e-tls");

async function firstServerIsUp(): Promise<boolean> {
  if (!existsSync(BUILD_ID)) return false;
  try {
    return (await fetch(FIRST_SERVER)).ok;
  } catch {
    return false;
  }
}

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
  const deadline = Date.now() + 10 * 60_000;
  while (!(await firstServerIsUp())) {
    if (Date.now() > deadline) {
      console.error(`serve-https: ${FIRST_SERVER} did not come up; nothing to serve.`);
      process.exit(1);
    }
    await sleep(500);
  }
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
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

void main();
