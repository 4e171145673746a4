import "server-only";
import { cookies } from "next/headers";
import { randomToken } from "@/lib/auth/tokens";

/**
 * A random id for this browser's lab bench, in its own HttpOnly cookie. Stolen copies belong to
 * it rather than to a session, so you can still replay a copy after signing out: that is the point.
 */
export const LAB_ID_COOKIE = "session-lab.bench";

export async function labId(create: boolean): Promise<string | null> {
  const jar = await cookies();
  const existing = jar.get(LAB_ID_COOKIE)?.value;
  if (existing && /^[A-Za-z0-9_-]{22}$/.test(existing)) return existing;
  if (!create) return null;
  const id = randomToken(16);
  jar.set(LAB_ID_COOKIE, id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 30 * 86400 });
  return id;
}
