import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { E2E_DB_FILE, SEEDED_EMAIL } from "./env";

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

export interface NewUserOptions {
  /** "admin" opens the instructor console. */
  role?: "user" | "admin";
  /** The start of the address (default "e2e"); a random tag keeps it unique. */
  prefix?: string;
}

/**
 * Test users are written straight into the e2e database, with the seeded account's scrypt hash,
 * so each test signs in as someone no parallel test touches (no shared sessions, no shared mail).
 */
export function openTestDatabase(): Database.Database {
  const db = new Database(E2E_DB_FILE, { fileMustExist: true });
  db.pragma("busy_timeout = 5000"); // the server writes to the same file
  return db;
}

export function createUser(
  db: Database.Database,
  password: string,
  { role = "user", prefix = "e2e" }: NewUserOptions = {},
): TestUser {
  const seeded = db.prepare('SELECT "passwordHash" FROM "User" WHERE email = ?').get(SEEDED_EMAIL) as
    | { passwordHash: string | null }
    | undefined;
  if (!seeded?.passwordHash) throw new Error(`${SEEDED_EMAIL} is not seeded in ${E2E_DB_FILE}`);
  const tag = randomBytes(6).toString("hex");
  const user = { id: `e2e_${tag}`, email: `${prefix}-${tag}@example.com`, name: `E2E ${tag}`, password };
  db.prepare(
    'INSERT INTO "User" (id, email, name, role, "passwordHash", "createdAt") VALUES (?, ?, ?, ?, ?, ?)',
  ).run(user.id, user.email, user.name, role, seeded.passwordHash, Date.now());
  return user;
}
