"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/guard";
import { COOKIES, cookieOptions } from "@/lib/auth/cookies";
import { getAuthState } from "@/lib/auth/state";
import { env } from "@/lib/env";

const input = z.object({
  // "" unpins. Checked against the names this cluster was started with.
  instance: z
    .string()
    .max(20)
    .refine((v) => v === "" || env.SESSION_LAB_CLUSTER.includes(v), {
      message: "Pick one of the instances in the list.",
    }),
});

/**
 * Pin this browser's next requests to one instance (or unpin). The front proxy reads the cookie on
 * every request; the app only sets it. Not a secret and not a security boundary: it only chooses
 * which of several equal servers answers, so anyone may set it.
 */
export const pinInstance = publicAction(input, async ({ instance }) => {
  if (!env.SESSION_LAB_CLUSTER.length)
    return {
      status: "error",
      message: "This server is not part of a cluster (start it with npm run cluster).",
    };
  const { scope } = await getAuthState();
  const jar = await cookies();
  const name = COOKIES.pin.name(scope.secure);
  if (!instance) {
    jar.delete(name);
    revalidatePath("/", "layout");
    return {
      status: "ok",
      message: `Unpinned: your next requests are spread over ${env.SESSION_LAB_CLUSTER.join(", ")} again.`,
    };
  }
  jar.set(name, instance, cookieOptions(COOKIES.pin, { secure: scope.secure }));
  revalidatePath("/", "layout");
  return { status: "ok", message: `Pinned: your next requests go to instance ${instance}.` };
});
