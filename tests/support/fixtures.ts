import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";

/** A user row with a unique email (and a password hash that must never leak out of the store). */
export async function createUser(role = "user") {
  const tag = randomUUID();
  return db.user.create({
    data: {
      email: `unit-${tag}@example.test`,
      name: `Unit ${tag.slice(0, 8)}`,
      role,
      passwordHash: "scrypt$secret",
    },
  });
}
