import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { stores } from "@/lib/store";

/** The project's engine is the one the store tests really hit (a wiring mistake would test SQLite twice). */
describe("the database under test", () => {
  const engine = process.env.TEST_ENGINE === "postgresql" ? "postgresql" : "sqlite";

  it(`the session hot path runs on ${engine}`, () => {
    expect(stores().sessions.name).toBe(engine);
    expect(stores().denyList.name).toBe(engine);
  });

  it(`Prisma talks to ${engine}`, async () => {
    const probe = engine === "postgresql" ? "SELECT version() AS v" : "SELECT sqlite_version() AS v";
    const [row] = await db.$queryRawUnsafe<{ v: string }[]>(probe);
    expect(row?.v).toMatch(engine === "postgresql" ? /PostgreSQL/ : /^\d+\.\d+/);
  });
});
