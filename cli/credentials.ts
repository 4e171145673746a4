/**
 * Where the CLI keeps its session between commands: one JSON file readable by its owner only
 * (0600, in a 0700 folder). A bearer token in a file is a session cookie without a browser's
 * protection, so a file others can read is refused, not used: it may already have been copied.
 */
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { unusable } from "./errors";

const schema = z.object({
  url: z.string().url(),
  email: z.string(),
  mode: z.enum(["database", "jwt", "jwt-refresh", "cookie-cache"]),
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  /** Epoch seconds: when the access token stops being accepted (as the server said at issue). */
  expires_at: z.number(),
});
export type Credentials = z.infer<typeof schema>;

export function credentialsFile(): string {
  const home = process.env.SESSION_LAB_CLI_HOME || path.join(os.homedir(), ".config", "session-lab");
  return path.join(home, "credentials.json");
}

export function loadCredentials(): Credentials | null {
  const file = credentialsFile();
  if (!existsSync(file)) return null;
  const st = lstatSync(file);
  if (!st.isFile()) throw unusable(`${file} is not a regular file (a symlink?); delete it and log in again.`);
  if (typeof process.getuid === "function" && st.uid !== process.getuid())
    throw unusable(`${file} belongs to another user; refusing to use it. Delete it and log in again.`);
  if ((st.mode & 0o077) !== 0)
    throw unusable(
      `${file} is readable by others (mode ${(st.mode & 0o777).toString(8)}); refusing to use it. Run chmod 600 on it, or delete it and log in again.`,
    );
  const parsed = schema.safeParse(safeJson(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw unusable(`${file} is not a credentials file this CLI wrote; delete it and log in again.`);
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Written to a temporary file created 0600, then renamed over: never a moment with looser rights. */
export function saveCredentials(c: Credentials): string {
  const file = credentialsFile();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(tmp, 0o600); // whatever the umask did
  renameSync(tmp, file);
  return file;
}

export function deleteCredentials(): void {
  rmSync(credentialsFile(), { force: true });
}
