import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 and pg are native/Node-only drivers: load them from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // The e2e suite builds into its own folder so a test run never clobbers the demo's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
};

export default nextConfig;
