import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { pgMigrationDriver } from "@/lib/db/pg-driver";
import { postgresSchemaFrom } from "@/lib/db/schemas";
import { sqliteMigrationDriver } from "@/lib/db/sqlite-driver";
import { Prisma } from "@/lib/generated/prisma";
import { postgresAnswers, postgresServerUrl } from "./support/engines";
import { REPO_ROOT } from "./support/paths";

/**
 * One data model, two databases, and nothing may drift: the PostgreSQL schema is the SQLite one
 * with another provider, both migration folders hold the same migrations, and fresh databases
 * migrated by the project's runner have exactly the tables and columns the data model declares,
 * with the same nullability on both engines.
 */
type Catalog = Record<string, Record<string, { nullable: boolean }>>;
const MIGRATIONS = (engine: string) =>
  path.join(REPO_ROOT, "prisma", ...(engine === "postgresql" ? ["postgresql"] : []), "migrations");
const RUNNER_TABLE = "_session_lab_migrations";

function modelColumns(): Record<string, string[]> {
  return Object.fromEntries(
    Prisma.dmmf.datamodel.models.map((m) => [
      m.dbName ?? m.name,
      m.fields
        .filter((f) => f.kind !== "object")
        .map((f) => f.dbName ?? f.name)
        .sort(),
    ]),
  );
}

async function sqliteCatalog(): Promise<Catalog> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "drift-"));
  const db = new Database(path.join(dir, "drift.db"));
  try {
    await migrate(sqliteMigrationDriver(db), MIGRATIONS("sqlite"));
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    const out: Catalog = {};
    for (const { name } of tables) {
      if (name === RUNNER_TABLE) continue;
      const cols = db.prepare(`PRAGMA table_info("${name}")`).all() as {
        name: string;
        notnull: number;
        pk: number;
      }[];
      out[name] = Object.fromEntries(cols.map((c) => [c.name, { nullable: c.notnull === 0 && c.pk === 0 }]));
    }
    return out;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const DRIFT_DB = `session_lab_drift_${process.pid}`;
async function pgCatalog(): Promise<Catalog> {
  const admin = new pg.Client({ connectionString: postgresServerUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DRIFT_DB}"`);
  await admin.query(`CREATE DATABASE "${DRIFT_DB}"`);
  await admin.end();
  const url = new URL(postgresServerUrl());
  url.pathname = `/${DRIFT_DB}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const driver = pgMigrationDriver(client);
    await driver.lock();
    await migrate(driver, MIGRATIONS("postgresql"));
    const { rows } = await client.query<{ table_name: string; column_name: string; is_nullable: string }>(
      "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
    );
    const out: Catalog = {};
    for (const r of rows) {
      if (r.table_name === RUNNER_TABLE) continue;
      out[r.table_name] ??= {};
      (out[r.table_name] as Catalog[string])[r.column_name] = { nullable: r.is_nullable === "YES" };
    }
    return out;
  } finally {
    await client.end();
  }
}

const shape = (c: Catalog) =>
  Object.fromEntries(
    Object.entries(c)
      .map(([t, cols]) => [t, Object.keys(cols).sort()])
      .sort(),
  );

describe("one data model, two databases", () => {
  it("prisma/postgresql/schema.prisma is generated from prisma/schema.prisma (run `npm run db:schemas`)", () => {
    const sqlite = readFileSync(path.join(REPO_ROOT, "prisma", "schema.prisma"), "utf8");
    const committed = readFileSync(path.join(REPO_ROOT, "prisma", "postgresql", "schema.prisma"), "utf8");
    expect(committed).toBe(postgresSchemaFrom(sqlite));
  });

  it("both engines have the same migrations, by name", () => {
    const names = (engine: string) =>
      readdirSync(MIGRATIONS(engine))
        .filter((n) => !n.includes("."))
        .sort();
    expect(names("postgresql")).toEqual(names("sqlite"));
  });

  it("migrated SQLite has exactly the model's tables and columns", async () => {
    expect(shape(await sqliteCatalog())).toEqual(Object.fromEntries(Object.entries(modelColumns()).sort()));
  });
});

describe.runIf(await postgresAnswers())(
  "…and on PostgreSQL (skipped without a server: see TEST_POSTGRES_URL)",
  () => {
    let pgCat: Catalog;
    beforeAll(async () => {
      pgCat = await pgCatalog();
    });
    afterAll(async () => {
      const admin = new pg.Client({ connectionString: postgresServerUrl() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${DRIFT_DB}" WITH (FORCE)`);
      await admin.end();
    });

    it("migrated PostgreSQL has the same tables, columns and nullability as migrated SQLite", async () => {
      expect(shape(pgCat)).toEqual(Object.fromEntries(Object.entries(modelColumns()).sort()));
      expect(pgCat).toEqual(await sqliteCatalog());
    });
  },
);
