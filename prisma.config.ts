import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// The schema's datasource needs a url even though the adapter connects; without one the CLI
// tries to download a native engine, which an offline workshop machine cannot do.
process.env.DATABASE_URL ??= "file:./.data/session-lab.db";

// Prisma 6.19 with the WebAssembly schema engine: no engine binary is downloaded (see README, "Database").
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "" });
  },
});
