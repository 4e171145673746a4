import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { postgresAnswers } from "./tests/support/engines";

/**
 * Two projects: every unit test runs on SQLite, and every test that touches a store runs again on
 * PostgreSQL (a real database each). Without a PostgreSQL server the second project is left out
 * with a message saying how to bring it in.
 */
const PURE = [
  "action-guard",
  "architecture",
  "bench",
  "callback-url",
  "cluster-front",
  "cookie-policy",
  "cookie-table",
  "db-schemas",
  "hash-concurrency",
  "inspect",
  "jwe-dir",
  "migrate",
  "notice",
  "own-host",
  "password",
  "scope",
  "seal",
  "server-actions",
  "strategy",
  "tokens",
  "trusted-proxies",
].map((name) => `tests/${name}.test.ts`);

export default defineConfig(async () => {
  const projects: TestProjectInlineConfiguration[] = [
    {
      extends: true,
      test: {
        name: "sqlite",
        env: { TEST_ENGINE: "sqlite" },
        globalSetup: ["tests/support/global-setup.ts"],
      },
    },
  ];
  if (await postgresAnswers()) {
    projects.push({
      extends: true,
      test: {
        name: "postgresql",
        env: { TEST_ENGINE: "postgresql" },
        exclude: PURE,
        globalSetup: ["tests/support/global-setup-postgres.ts"],
      },
    });
  } else {
    console.warn(
      "vitest: PostgreSQL unit tests skipped: no server at TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres). Start PostgreSQL or set TEST_POSTGRES_URL to run them.",
    );
  }
  return {
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
      setupFiles: ["tests/support/env.ts"],
      fileParallelism: false,
      // scrypt (~50 ms idle) and Auth.js round trips slow down a lot on a shared 2-core machine.
      testTimeout: 30_000,
      hookTimeout: 30_000,
      projects,
      server: {
        deps: {
          // next-auth's ESM imports "next/server" without an extension, which Node's own resolver
          // refuses (next has no exports map); letting Vite resolve it makes Auth.js importable here.
          inline: ["next-auth"],
        },
      },
    },
  };
});
