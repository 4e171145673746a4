"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { noInput, userAction } from "@/lib/actions/guard";
import { sessionCredential } from "@/lib/auth/scope";
import { getAuthState } from "@/lib/auth/state";
import { sha256 } from "@/lib/auth/tokens";
import { revokedWith } from "@/lib/revocation/after-revoke";
import { showNotice } from "@/lib/revocation/notice";
import { revokeAllSessions, revokeOtherSessions, revokeSession } from "@/lib/sessions";

const revokeInput = z.object({
  hash: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "That is not one of your sessions."),
});

/** The caller's mode and the hash of the session this browser holds (database modes). */
async function mine() {
  const { scope, verdict } = await getAuthState();
  const cookie = sessionCredential(scope);
  return {
    strategy: verdict.status === "signed-in" ? verdict.strategy : null,
    currentHash: cookie ? sha256(cookie) : null,
  };
}

export const revokeOne = userAction(revokeInput, async ({ hash }, { user }) => {
  const n = await revokeSession(user.id, hash);
  revalidatePath("/", "layout");
  if (n === 0) return { status: "error", message: "That session was already gone." };
  const { strategy, currentHash } = await mine();
  const outcome = await revokedWith(user.id, "db-revoke", strategy);
  // The row (and its button's status line) disappears on re-render: report in the page banner.
  return showNotice(hash === currentHash ? "db-revoke-this" : "db-revoke-other", outcome?.replayId);
});

export const revokeOthers = userAction(noInput, async (_input, { user }) => {
  const { strategy, currentHash } = await mine();
  const n = await revokeOtherSessions(user.id, currentHash);
  revalidatePath("/", "layout");
  const outcome = await revokedWith(user.id, "db-revoke", strategy);
  const message = `Signed out ${n} other device${n === 1 ? "" : "s"}. This one stays signed in.`;
  return { status: "ok", message: outcome ? `${message} ${outcome.summary}` : message };
});

export const revokeAll = userAction(noInput, async (_input, { user }) => {
  const { strategy } = await mine();
  await revokeAllSessions(user.id);
  revalidatePath("/", "layout");
  const outcome = await revokedWith(user.id, "db-revoke", strategy);
  return showNotice("db-revoke-all", outcome?.replayId);
});
