/**
 * One data model, two databases. prisma/schema.prisma (SQLite) is the source; the PostgreSQL
 * schema is derived from it by this function and committed as prisma/postgresql/schema.prisma
 * (`npm run db:schemas` writes it; tests/db-schemas.test.ts fails when the two drift).
 */
export function postgresSchemaFrom(sqlite: string): string {
  const header =
    "// GENERATED from prisma/schema.prisma by `npm run db:schemas`: edit that file, not this one.\n";
  const out = sqlite
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/lib\/generated\/prisma"/, 'output     = "../../lib/generated/postgresql"');
  if (out === sqlite)
    throw new Error("prisma/schema.prisma no longer has the expected datasource/generator lines");
  return header + out;
}

export type Engine = "sqlite" | "postgresql";

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}
