"use server";

import { revalidatePath } from "next/cache";
import { adminAction, noInput } from "@/lib/actions/guard";
import { recordEvent } from "@/lib/audit";
import { duration } from "@/lib/auth/lifetimes";
import { keepPublishedS, rotateSigningKey } from "@/lib/auth/signing-keys";
import { env } from "@/lib/env";

/** Publish a new signing key now; it signs only after the publish lead (publish-then-sign). */
export const rotateSigningKeyAction = adminAction(noInput, async (_input, { user }) => {
  const rotation = await rotateSigningKey();
  if (!rotation.ok) {
    const left = Math.max(0, Math.ceil((rotation.pending.activatesAt - Date.now()) / 1000));
    return {
      status: "error",
      message: `Key ${rotation.pending.kid.slice(0, 8)}… is already published and starts signing in ${left} s: one rotation at a time.`,
    };
  }
  const kid = rotation.key.kid.slice(0, 8);
  await recordEvent("key-rotated", { userId: user.id, detail: `signing key ${kid}… published` });
  revalidatePath("/instructor");
  const lead = env.SIGNING_KEY_PUBLISH_LEAD;
  return {
    status: "ok",
    message: `Key ${kid}… is published now and signs in ${lead} s, once verifiers' caches (max-age ${lead} s) have it. The current key stays published ${duration(keepPublishedS())} after it stops signing.`,
  };
});
