"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sessionCookieValue } from "@/lib/auth/describe";
import { getAuthState } from "@/lib/auth/state";
import { sha256 } from "@/lib/auth/tokens";
import { revokedWith } from "@/lib/revocation/after-revoke";
import { showNotice } from "@/lib/revocation/notice";
import { revokeAllSessions, revokeOtherSessions, revokeSession } from "@/lib/sessions";

export type ActionResult =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "error"; message: string };

const revokeInput = z.object({ hash: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "not a session id") });

async function caller() {
  const { session, ctx } = await getAuthState();
  if (!session) return null;
  const cookie = sessionCookieValue(ctx);
  return { userId: session.user.id, strategy: ctx.strategy, currentHash: cookie ? sha256(cookie) : null };
}

const signedOut: ActionResult = {
  status: "error",
  message: "You are signed out; sign in to manage sessions.",
};

export async function revokeOne(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const me = await caller();
  if (!me) return signedOut;
  const parsed = revokeInput.safeParse({ hash: form.get("hash") });
  if (!parsed.success) return { status: "error", message: "That is not one of your sessions." };
  const n = await revokeSession(me.userId, parsed.data.hash);
  revalidatePath("/", "layout");
  if (n === 0) return { status: "error", message: "That session was already gone." };
  const message =
    parsed.data.hash === me.currentHash
      ? "This device's session was deleted: your next request is signed out."
      : "Session deleted. That device is signed out on its very next request.";
  // The row (and its button's status line) disappears on re-render: report in the page banner.
  return showNotice(await revokedWith(me.userId, "db-revoke", message));
}

export async function revokeOthers(_prev: ActionResult): Promise<ActionResult> {
  const me = await caller();
  if (!me) return signedOut;
  const n = await revokeOtherSessions(me.userId, me.currentHash);
  revalidatePath("/", "layout");
  const message = `Signed out ${n} other device${n === 1 ? "" : "s"}. This one stays signed in.`;
  return { status: "ok", message: await revokedWith(me.userId, "db-revoke", message) };
}

export async function revokeAll(_prev: ActionResult): Promise<ActionResult> {
  const me = await caller();
  if (!me) return signedOut;
  const n = await revokeAllSessions(me.userId);
  revalidatePath("/", "layout");
  const message = `Deleted all ${n} of your sessions, this one included: you are signed out everywhere.`;
  return showNotice(await revokedWith(me.userId, "db-revoke", message));
}
