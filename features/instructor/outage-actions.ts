"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/guard";
import { recordEvent } from "@/lib/audit";
import { env } from "@/lib/env";
import { announceOutage, announceRecovery } from "@/lib/store/outage-board";

const STORE_NAMES = { database: "session store (the database)", redis: "deny-list store (Redis)" } as const;
const store = z.enum(["database", "redis"], { message: "Pick the session store or the deny-list store." });

function noRedis() {
  return {
    status: "error",
    message:
      "This server has no Redis (REDIS_URL is not set): the deny-list lives in the session store's database.",
  } as const;
}

/** Make a store unreachable on every instance for a while: the lab's fault drill. */
export const startStoreOutage = adminAction(
  z.object({
    store,
    seconds: z.coerce
      .number({ message: "Give a number of seconds." })
      .int("Give a whole number of seconds.")
      .min(5, "At least 5 seconds.")
      .max(600, "At most 600 seconds (10 minutes)."),
  }),
  async ({ store, seconds }, { user }) => {
    if (store === "redis" && !env.REDIS_URL) return noRedis();
    // Logged first: while the database is "down", the audit log cannot be written either.
    await recordEvent("outage", {
      userId: user.id,
      detail: `made the ${STORE_NAMES[store]} unreachable for ${seconds} s`,
    });
    await announceOutage(store, seconds, `simulated outage started by the instructor (${seconds} s)`);
    revalidatePath("/", "layout");
    return {
      status: "ok",
      message: `The ${STORE_NAMES[store]} is unreachable on every instance for ${seconds} s.`,
    };
  },
);

export const endStoreOutage = adminAction(z.object({ store }), async ({ store }, { user }) => {
  if (store === "redis" && !env.REDIS_URL) return noRedis();
  await announceRecovery(store);
  await recordEvent("outage", { userId: user.id, detail: `ended the ${STORE_NAMES[store]} outage` });
  revalidatePath("/", "layout");
  return { status: "ok", message: `The ${STORE_NAMES[store]} is back on every instance.` };
});
