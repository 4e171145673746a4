import path from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, parse, sourceFiles } from "./support/source-files";

/**
 * Only lib/ talks to the database (docs/architecture.md): pages and features go through the data
 * layer, which checks who is asking. A page importing the Prisma client could read any row.
 */
function importsDbClient(file: string, specifier: string): boolean {
  const target = specifier.startsWith(".")
    ? path.posix.join(path.posix.dirname(file), specifier)
    : specifier.replace(/^@\//, "");
  return /^lib\/db\/client(\.ts)?$/.test(path.posix.normalize(target));
}

const violations = (files: string[]) =>
  files.flatMap((file) =>
    importsOf(parse(file))
      .filter((s) => importsDbClient(file, s))
      .map((s) => `${file} imports ${s}`),
  );

describe("architecture: only lib/ imports the database client", () => {
  it("no file under app/ or features/ imports @/lib/db/client (beyond the known list)", () => {
    const files = sourceFiles("app", "features");
    expect(files.length).toBeGreaterThan(20);
    expect(violations(files)).toEqual([]);
  });

  it("the check sees static, relative, re-exported and dynamic imports", () => {
    const file = "features/x/y.ts";
    for (const spec of ["@/lib/db/client", "../../lib/db/client", "@/lib/db/client.ts"])
      expect(importsDbClient(file, spec), spec).toBe(true);
    for (const spec of ["@/lib/db/migrate", "@/lib/db/client-extra", "../db/client"])
      expect(importsDbClient(file, spec), spec).toBe(false);
    const source = parse(
      file,
      'import { db } from "@/lib/db/client";\nexport { db as d } from "@/lib/db/client";\nawait import("@/lib/db/client");',
    );
    expect(importsOf(source)).toEqual(["@/lib/db/client", "@/lib/db/client", "@/lib/db/client"]);
  });
});
