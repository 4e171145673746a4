import type { NextConfig } from "next";
import { API_CSP, BASE_HEADERS, HSTS } from "./lib/net/security-headers";

const nextConfig: NextConfig = {
  // better-sqlite3 and pg are native/Node-only drivers: load them from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // The e2e suite builds into its own folder so a test run never clobbers the demo's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // `npm test` type-checks everything (app, tests, scripts) with tsc; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: "/:path*", headers: BASE_HEADERS },
      { source: "/api/:path*", headers: [API_CSP] },
      // The app's server (server/app-server.ts) sets x-forwarded-proto from the socket or a trusted proxy.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [HSTS],
      },
    ];
  },
};

export default nextConfig;
