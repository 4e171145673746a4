import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // `server-only` throws outside React Server Components; unit tests are server code too.
      "server-only": path.resolve(__dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/env.ts"],
    fileParallelism: false,
    server: {
      deps: {
        // next-auth's ESM imports "next/server" without an extension, which Node's own resolver
        // refuses (next has no exports map); letting Vite resolve it makes Auth.js importable here.
        inline: ["next-auth"],
      },
    },
  },
});
