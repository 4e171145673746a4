import "server-only";
import { cookies } from "next/headers";
import { COOKIES, cookieOptions } from "@/lib/auth/cookies";
import { requestScope } from "@/lib/auth/scope";
import { randomToken } from "@/lib/auth/tokens";

/**
 * A random id for this browser's lab bench, in its own HttpOnly cookie. Stolen copies and mail
 * belong to it rather than to a session, so you can still replay a copy after signing out: that
 * is the point.
 */
const BENCH_ID = /^[A-Za-z0-9_-]{22}$/;

export function isBenchId(value: string | undefined | null): value is string {
  return typeof value === "string" && BENCH_ID.test(value);
}

export async function labId(create: boolean): Promise<string | null> {
  const scope = await requestScope();
  const existing = scope.cookies.get(COOKIES.bench.name(scope.secure));
  if (isBenchId(existing)) return existing;
  if (!create) return null;
  const id = randomToken(16);
  (await cookies()).set(
    COOKIES.bench.name(scope.secure),
    id,
    cookieOptions(COOKIES.bench, { secure: scope.secure }),
  );
  return id;
}
