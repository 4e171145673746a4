import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MigrationDriver, migrate, pendingMigrations } from "@/lib/db/migrate";
import { sqliteMigrationDriver } from "@/lib/db/sqlite-driver";
import { REPO_ROOT } from "./support/paths";

let dir: string;

function addMigration(name: string, sql = `-- ${name}`) {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

/** An in-memory driver that records what the runner asks of it. */
function fakeDriver(initial: string[] = []) {
  const applied = new Set(initial);
  const log: string[] = [];
  const driver: MigrationDriver = {
    async exec(sql) {
      log.push(`exec ${sql}`);
    },
    async applied() {
      return new Set(applied);
    },
    async record(name) {
      log.push(`record ${name}`);
      applied.add(name);
    },
  };
  return { driver, log, applied };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "session-lab-migrations-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("pendingMigrations", () => {
  it("lists migration directories in name order with their SQL, ignoring files", () => {
    addMigration("0002_b", "SELECT 2;");
    addMigration("0010_c", "SELECT 10;");
    addMigration("0001_a", "SELECT 1;");
    writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "sqlite"');
    expect(pendingMigrations(dir, new Set())).toEqual([
      { name: "0001_a", sql: "SELECT 1;" },
      { name: "0002_b", sql: "SELECT 2;" },
      { name: "0010_c", sql: "SELECT 10;" },
    ]);
  });

  it("skips the ones already applied", () => {
    for (const n of ["0001_a", "0002_b", "0003_c"]) addMigration(n);
    expect(pendingMigrations(dir, new Set(["0001_a", "0003_c"])).map((m) => m.name)).toEqual(["0002_b"]);
    expect(pendingMigrations(dir, new Set(["0001_a", "0002_b", "0003_c"]))).toEqual([]);
  });
});

describe("migrate", () => {
  it("runs each pending migration then records it, in order, exactly once", async () => {
    addMigration("0002_b", "B");
    addMigration("0001_a", "A");
    const { driver, log } = fakeDriver();
    expect(await migrate(driver, dir)).toEqual(["0001_a", "0002_b"]);
    expect(log).toEqual(["exec A", "record 0001_a", "exec B", "record 0002_b"]);
  });

  it("is idempotent and applies only what is new", async () => {
    addMigration("0001_a", "A");
    const { driver, log } = fakeDriver();
    await migrate(driver, dir);
    expect(await migrate(driver, dir)).toEqual([]);
    addMigration("0002_b", "B");
    expect(await migrate(driver, dir)).toEqual(["0002_b"]);
    expect(log.filter((l) => l.startsWith("record"))).toEqual(["record 0001_a", "record 0002_b"]);
  });

  it("does not record a migration whose SQL failed", async () => {
    addMigration("0001_a", "A");
    addMigration("0002_bad", "BAD");
    const { driver, applied } = fakeDriver();
    const failing: MigrationDriver = {
      ...driver,
      exec: async (sql) => {
        if (sql === "BAD") throw new Error("syntax error");
      },
    };
    await expect(migrate(failing, dir)).rejects.toThrow("syntax error");
    expect([...applied]).toEqual(["0001_a"]);
  });
});

describe("sqliteMigrationDriver", () => {
  it("applies the project's migrations to an empty database once", async () => {
    const db = new Database(":memory:");
    try {
      const migrations = path.join(REPO_ROOT, "prisma", "migrations");
      const first = await migrate(sqliteMigrationDriver(db), migrations);
      expect(first.length).toBeGreaterThan(0);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[];
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["User", "Session", "RefreshToken"]));
      expect(await migrate(sqliteMigrationDriver(db), migrations)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("rolls back a failing migration and leaves it unrecorded", async () => {
    addMigration("0001_bad", 'CREATE TABLE "T" (id INTEGER); SELECT * FROM missing_table;');
    const db = new Database(":memory:");
    try {
      await expect(migrate(sqliteMigrationDriver(db), dir)).rejects.toThrow();
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'T'").all()).toEqual([]);
      expect(await sqliteMigrationDriver(db).applied()).toEqual(new Set());
    } finally {
      db.close();
    }
  });
});
