import { listKeys } from "@/lib/auth/keyring";
import { db } from "@/lib/db/client";

/**
 * Rotation changes the keyring for the whole (shared) unit database: files that rotate start
 * from the env key alone ("k1", active) and leave it that way for the other files.
 */
export async function resetKeyring(): Promise<void> {
  await db.jwtKey.deleteMany();
  await listKeys(true);
}
