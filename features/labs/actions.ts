"use server";

import { z } from "zod";
import { noInput, userAction } from "@/lib/actions/guard";
import { mintAccessToken } from "@/lib/auth/access-tokens";
import { getAuthState } from "@/lib/auth/state";
import { isStrategy } from "@/lib/auth/strategy";
import { feedbackFor, SCENARIO_IDS, type ScenarioId } from "@/lib/labs/choices";
import { decodeForLab } from "@/lib/labs/decoder";
import { recordCheckpoint } from "@/lib/labs/evaluate";
import type { ChoiceState, DecodeState, MintState } from "./types";

/** The JWT lab's decoder: paste a token, see what anyone can read and what the server's key says. */
export const decodeTokenAction = userAction(
  z.object({ token: z.string().trim().min(1, "Paste a token first.").max(2000, "That token is too long.") }),
  async ({ token }, { user }) => {
    const decoded = await decodeForLab(token, user.id);
    if (typeof decoded === "string") return { status: "error", message: decoded };
    const state: DecodeState = { status: "ok", message: decoded.serverSays, decoded };
    return state;
  },
);

/** A signed access token for the decoder (the kind the orders service receives). */
export const mintTokenAction = userAction(noInput, async () => {
  const { verdict } = await getAuthState();
  if (verdict.status !== "signed-in")
    return { status: "error", message: "You are signed out; sign in first." };
  const minted = await mintAccessToken(verdict);
  const state: MintState = {
    status: "ok",
    message: `A signed access token, valid ${minted.expiresIn} s. Paste it in the decoder.`,
    token: minted.token,
  };
  return state;
});

const choice = z.object({
  scenario: z.enum(SCENARIO_IDS as [ScenarioId, ...ScenarioId[]], {
    message: "Pick one of the three products.",
  }),
  mode: z.string().refine(isStrategy, "Pick one of the four modes."),
  reason: z
    .string()
    .trim()
    .min(15, "Give a reason in a sentence (at least 15 characters).")
    .max(500, "Keep the reason under 500 characters."),
});

/** Lab 7: a mode and a reason for one product; answers with feedback and records the checkpoint. */
export const chooseAction = userAction(choice, async ({ scenario, mode, reason }, { user }) => {
  if (!isStrategy(mode)) return { status: "error", message: "Pick one of the four modes." };
  const feedback = feedbackFor(scenario, mode, reason);
  await recordCheckpoint(user.id, `choose:${scenario}`);
  const state: ChoiceState = { status: "ok", message: feedback.text, verdict: feedback.verdict };
  return state;
});
