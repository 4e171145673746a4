"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, noInput, publicAction, userAction } from "@/lib/actions/guard";
import { recordEvent } from "@/lib/audit";
import { denyListEnforced, denySid, denyUser, setDenyListEnforced } from "@/lib/auth/deny-list";
import { revokeFamiliesOfUser, revokeFamily } from "@/lib/auth/refresh";
import { getAuthState } from "@/lib/auth/state";
import { revokedWith } from "@/lib/revocation/after-revoke";
import { labId } from "@/lib/revocation/lab-id";
import { showNotice } from "@/lib/revocation/notice";
import { discardCopy, keepCopy, replayCopy } from "@/lib/revocation/stolen";
import { isWorkshop } from "@/lib/room/mode";

const copyInput = z.object({ copyId: z.string().regex(/^[a-z0-9]{10,40}$/, "Unknown copy.") });

function done(message: string) {
  revalidatePath("/", "layout");
  return { status: "ok", message } as const;
}

/** The current JWT of the caller, or a sentence saying why there is none. */
async function myToken() {
  const { verdict } = await getAuthState();
  return verdict.status === "signed-in" && verdict.claims ? verdict : null;
}

export const keepCopyAction = userAction(noInput, async () => {
  const { verdict, scope } = await getAuthState();
  if (verdict.status !== "signed-in") return { status: "error", message: "There is no session to copy." };
  const bench = await labId(true);
  const copy = bench ? await keepCopy(bench, verdict, scope) : null;
  if (!copy) return { status: "error", message: "There is no session cookie to copy." };
  return done(
    "Copied your session cookie, exactly as a thief would hold it. Now end the session and replay it.",
  );
});

// Works signed out too (that is the experiment): the copy belongs to this browser's lab bench.
export const replayAction = publicAction(copyInput, async ({ copyId }) => {
  const bench = await labId(false);
  const replay = bench ? await replayCopy(bench, copyId, (await getAuthState()).scope) : null;
  if (!replay) return { status: "error", message: "That copy is gone." };
  return done(replay.reason);
});

export const discardAction = publicAction(copyInput, async ({ copyId }) => {
  const bench = await labId(false);
  // Only this browser's own copies: another bench's id discards nothing, and says so.
  if (!bench || (await discardCopy(bench, copyId)) === 0)
    return { status: "error", message: "That copy is gone." };
  return done("Copy discarded.");
});

export const denyThisToken = userAction(noInput, async (_input, { user }) => {
  const token = await myToken();
  if (!token?.claims) return { status: "error", message: "This session has no token to deny-list." };
  await denySid(token.claims.sid, "revoked by its owner", token.expiresAt);
  await enforceWhenAlone();
  const outcome = await revokedWith(user.id, "deny-sid", token.strategy);
  return showNotice(denyListEnforced() ? "deny-sid" : "deny-unchecked", outcome?.replayId);
});

export const denyAllMyTokens = userAction(noInput, async (_input, { user }) => {
  const token = await myToken();
  await denyUser(user.id, "all tokens revoked by their owner");
  await revokeFamiliesOfUser(user.id, "all tokens revoked by their owner");
  await enforceWhenAlone();
  const outcome = await revokedWith(user.id, "deny-user", token?.strategy ?? null);
  return showNotice(denyListEnforced() ? "deny-user" : "deny-unchecked", outcome?.replayId);
});

/**
 * Alone with the lab, denying a token turns the server-wide check on, so the lever shows its effect.
 * In a workshop the switch is the instructor's: one participant's click must not change the server
 * for the whole room (the notice then says the check is off).
 */
async function enforceWhenAlone(): Promise<void> {
  if (!isWorkshop()) await setDenyListEnforced(true);
}

/**
 * The server-wide deny-list switch is the instructor's alone: if anyone could turn it off, a thief
 * holding a deny-listed token would simply turn it off.
 */
export const setDenyListCheck = adminAction(
  z.object({ enforce: z.enum(["on", "off"], { message: "Choose on or off." }) }),
  async ({ enforce }, { user }) => {
    const on = enforce === "on";
    await setDenyListEnforced(on);
    await recordEvent("setting-changed", {
      userId: user.id,
      detail: `turned the deny-list check ${enforce}`,
    });
    return done(
      on
        ? "The deny-list is now checked on every request: one lookup more each time."
        : "Deny-list checks are off: a JWT is trusted on its own again.",
    );
  },
);

export const revokeMyFamily = userAction(noInput, async (_input, { user }) => {
  const token = await myToken();
  const fam = token?.claims?.fam;
  if (!token || !fam) return { status: "error", message: "This session has no refresh family." };
  await revokeFamily(fam, "revoked by its owner");
  const outcome = await revokedWith(user.id, "family-revoke", token.strategy);
  return showNotice("family-revoke", outcome?.replayId);
});
