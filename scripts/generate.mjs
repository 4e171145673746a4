// `npm install` runs this (postinstall): Prisma Client for both databases the app can run on.
// Plain .mjs, so it runs before anything else is set up. The PostgreSQL client is generated with a
// placeholder postgresql:// URL: with the WebAssembly engine nothing connects, but a SQLite URL
// under a PostgreSQL schema would make the CLI fall back to downloading a native engine.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const prisma = path.join(
  root,
  "node_modules",
  ".bin",
  process.platform === "win32" ? "prisma.cmd" : "prisma",
);
const runs = [
  {
    schema: "prisma/schema.prisma",
    url: process.env.DATABASE_URL?.startsWith("file:")
      ? process.env.DATABASE_URL
      : "file:./.data/session-lab.db",
  },
  { schema: "prisma/postgresql/schema.prisma", url: "postgresql://localhost:5432/generate-only" },
];
for (const run of runs) {
  const r = spawnSync(prisma, ["generate", "--schema", run.schema], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: run.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    shell: process.platform === "win32",
  });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}${r.stderr}`);
    process.exit(r.status ?? 1);
  }
}
console.log("prisma: generated clients for SQLite and PostgreSQL");
