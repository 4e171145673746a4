"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/features/sessions/actions";
import { denySid, denyUser, setDenyListEnforced } from "@/lib/auth/deny-list";
import { revokeFamiliesOfUser, revokeFamily } from "@/lib/auth/refresh";
import { claimsOf, getAuthState } from "@/lib/auth/state";
import { nowSeconds } from "@/lib/clock";
import { env } from "@/lib/env";
import { revokedWith } from "@/lib/revocation/after-revoke";
import type { Technique } from "@/lib/revocation/events";
import { labId } from "@/lib/revocation/lab-id";
import { showNotice } from "@/lib/revocation/notice";
import { discardCopy, keepCopy, replayCopy } from "@/lib/revocation/stolen";

const signedOut: ActionResult = { status: "error", message: "You are signed out; sign in first." };
const id = z.string().min(1).max(64);

async function me() {
  const state = await getAuthState();
  if (!state.session) return null;
  return { ...state, userId: state.session.user.id, claims: claimsOf(state) };
}

function done(message: string): ActionResult {
  revalidatePath("/", "layout");
  return { status: "ok", message };
}

/** These actions end the caller's own session, so their panel vanishes: the outcome goes to a banner. */
async function revoked(userId: string, technique: Technique, message: string): Promise<ActionResult> {
  const outcome = await revokedWith(userId, technique, message);
  revalidatePath("/", "layout");
  return showNotice(outcome);
}

export async function keepCopyAction(_prev: ActionResult): Promise<ActionResult> {
  const m = await me();
  if (!m) return signedOut;
  const exp = typeof m.claims.exp === "number" ? new Date(m.claims.exp * 1000) : null;
  const bench = await labId(true);
  const copy = bench ? await keepCopy(bench, m.userId, m.ctx, exp) : null;
  if (!copy) return { status: "error", message: "There is no session cookie to copy." };
  return done(
    "Copied your session cookie, exactly as a thief would hold it. Now end the session and replay it.",
  );
}

export async function replayAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  // Works signed out too (that is the experiment): the copy belongs to this browser's lab bench.
  const bench = await labId(false);
  const parsed = id.safeParse(form.get("copyId"));
  if (!parsed.success || !bench) return { status: "error", message: "Unknown copy." };
  const replay = await replayCopy(bench, parsed.data, (await getAuthState()).ctx);
  if (!replay) return { status: "error", message: "That copy is gone." };
  return done(replay.reason);
}

export async function discardAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const bench = await labId(false);
  const parsed = id.safeParse(form.get("copyId"));
  if (parsed.success && bench) await discardCopy(bench, parsed.data);
  return done("Copy discarded.");
}

export async function denyThisToken(_prev: ActionResult): Promise<ActionResult> {
  const m = await me();
  if (!m) return signedOut;
  if (typeof m.claims.sid !== "string")
    return { status: "error", message: "This session has no token to deny-list." };
  const authTime = typeof m.claims.authTime === "number" ? m.claims.authTime : nowSeconds();
  await denySid(
    m.claims.sid,
    "revoked by its owner",
    new Date((authTime + env.AUTH_ABSOLUTE_MAX_AGE) * 1000),
  );
  await enforce(true);
  return revoked(
    m.userId,
    "deny-sid",
    "This token's sid is on the deny-list and the deny-list is checked on every request.",
  );
}

export async function denyAllMyTokens(_prev: ActionResult): Promise<ActionResult> {
  const m = await me();
  if (!m) return signedOut;
  await denyUser(m.userId, "all tokens revoked by their owner");
  await revokeFamiliesOfUser(m.userId, "all tokens revoked by their owner");
  await enforce(true);
  return revoked(m.userId, "deny-user", "Every token you hold, on every device, is deny-listed.");
}

export async function setDenyListCheck(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const on = form.get("enforce") === "on";
  await enforce(on);
  return done(
    on
      ? "The deny-list is now checked on every request: one lookup more each time."
      : "Deny-list checks are off: a JWT is trusted on its own again.",
  );
}

export async function revokeMyFamily(_prev: ActionResult): Promise<ActionResult> {
  const m = await me();
  if (!m) return signedOut;
  if (typeof m.claims.fam !== "string")
    return { status: "error", message: "This session has no refresh family." };
  await revokeFamily(m.claims.fam, "revoked by its owner");
  return revoked(
    m.userId,
    "family-revoke",
    "Refresh family revoked: no more renewals; the current access token still works until it expires.",
  );
}

async function enforce(on: boolean) {
  await setDenyListEnforced(on);
}
