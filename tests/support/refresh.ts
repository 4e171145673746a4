import { randomUUID } from "node:crypto";
import { refresh, startRefreshFamily } from "@/lib/auth/refresh";

/** A refresh family for a fresh (made-up) user and sign-in. */
export const startFamily = (userId = `user-${randomUUID()}`) =>
  startRefreshFamily(userId, randomUUID(), true);

/** A refresh that must succeed (the test is about what comes after). */
export async function refreshOk(token: string) {
  const result = await refresh(token);
  if (!result.ok) throw new Error(`refresh failed: ${result.reason}`);
  return result;
}
