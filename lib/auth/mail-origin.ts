import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who asked for a magic link: the browser's lab bench, and the signed-in user if there was one.
 * The /api/auth route handler knows; Auth.js's sendVerificationRequest, which writes the mail,
 * does not. This carries it across.
 */
export interface MailOrigin {
  benchId: string | null;
  userId: string | null;
}

const storage = new AsyncLocalStorage<MailOrigin>();

export function withMailOrigin<T>(origin: MailOrigin, fn: () => Promise<T>): Promise<T> {
  return storage.run(origin, fn);
}

export function mailOrigin(): MailOrigin {
  return storage.getStore() ?? { benchId: null, userId: null };
}
