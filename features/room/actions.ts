"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { adminAction, noInput, publicAction, userAction } from "@/lib/actions/guard";
import { recordEvent } from "@/lib/audit";
import { COOKIES, cookieOptions } from "@/lib/auth/cookies";
import { getAuthState } from "@/lib/auth/state";
import { joiningOpen, setJoining } from "@/lib/room/joining";
import { givePointBack, takePoint, waitSentence } from "@/lib/room/limits";
import { isWorkshop } from "@/lib/room/mode";
import { formatCode, issuePairingCode, PAIRING_TTL_S, redeemPairingCode } from "@/lib/room/pairing";
import {
  addDeviceKey,
  createParticipant,
  displayName,
  giveKey,
  participantById,
} from "@/lib/room/participants";
import { reissuedForInstructor, resetRoom } from "@/lib/room/reset";
import { deleteSessionOf } from "@/lib/room/revoke";

/**
 * The room's actions. Joining and pairing only hand this browser its participant key (an HttpOnly
 * cookie); the sign-in itself then goes through Auth.js (features/room/participant-sign-in.ts), so
 * it is the same real sign-in as any other, in whatever mode this browser is in.
 */
const notWorkshop = { status: "error", message: "This server is not running a workshop." } as const;

function done(message: string) {
  revalidatePath("/", "layout");
  return { status: "ok", message } as const;
}

export const joinRoom = publicAction(z.object({ name: displayName }), async ({ name }) => {
  if (!isWorkshop()) return notWorkshop;
  if (!(await joiningOpen())) return { status: "error", message: "Joining is closed: ask the instructor." };
  const { scope } = await getAuthState();
  const wait = await takePoint("join", scope.ip);
  if (wait)
    return {
      status: "error",
      message: `Too many people joined from this network address; try again in ${waitSentence(wait)}.`,
    };
  const { participant, key } = await createParticipant(name);
  await giveKey(key, scope.secure);
  await recordEvent("joined", {
    userId: participant.id,
    strategy: scope.strategy,
    detail: `joined as “${name}”`,
  });
  return { status: "ok", message: `Welcome, ${name}. Signing you in…` };
});

const codeInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Type the code from your other device.")
    .max(20, "A pairing code has 8 characters."),
});

export const pairDevice = publicAction(codeInput, async ({ code }) => {
  if (!isWorkshop()) return notWorkshop;
  const { scope } = await getAuthState();
  const wait = await takePoint("pair", scope.ip);
  if (wait)
    return {
      status: "error",
      message: `Too many wrong codes from this network address; try again in ${waitSentence(wait)}.`,
    };
  const redeemed = await redeemPairingCode(code);
  if (!redeemed.ok) return { status: "error", message: redeemed.reason };
  await givePointBack("pair", scope.ip);
  const participant = await participantById(redeemed.userId);
  if (!participant) return { status: "error", message: "That participant is no longer in the room." };
  await giveKey(await addDeviceKey(participant.id), scope.secure);
  await recordEvent("device-paired", {
    userId: participant.id,
    strategy: scope.strategy,
    detail: `second device paired (${scope.strategy} mode)`,
  });
  return { status: "ok", message: `This device now belongs to ${participant.name}. Signing you in…` };
});

export const newPairingCode = userAction(noInput, async (_input, { user }) => {
  if (!isWorkshop()) return notWorkshop;
  if (!(await participantById(user.id)))
    return { status: "error", message: "Only participants pair devices." };
  const wait = await takePoint("pairIssue", user.id);
  if (wait)
    return { status: "error", message: `You asked for many codes; try again in ${waitSentence(wait)}.` };
  const { code } = await issuePairingCode(user.id);
  return {
    status: "ok",
    message: `Your pairing code is ${formatCode(code)}. On your other device, open /join and type it within ${PAIRING_TTL_S / 60} minutes. It works once.`,
  };
});

export const setJoiningAction = adminAction(
  z.object({ joining: z.enum(["open", "closed"]) }),
  async ({ joining }, { user }) => {
    await setJoining(joining === "open");
    await recordEvent("setting-changed", {
      userId: user.id,
      detail: `${joining === "open" ? "opened" : "closed"} joining`,
    });
    return done(
      joining === "open"
        ? "Joining is open: /join takes new participants."
        : "Joining is closed: /join says so; people already in can still sign in.",
    );
  },
);

export const resetRoomAction = adminAction(
  z.object({ confirm: z.literal("yes", { message: "Tick the box to confirm the reset." }) }),
  async (_input, { user }) => {
    const { verdict, scope } = await getAuthState();
    const mine = verdict.status === "signed-in" ? verdict : null;
    const r = await resetRoom({ userId: user.id });
    const token = await reissuedForInstructor(mine, scope.secure);
    if (token && mine)
      (await cookies()).set(
        COOKIES.session.name(scope.secure),
        token,
        cookieOptions(COOKIES.session, { secure: scope.secure, persistent: mine.persistent }),
      );
    await recordEvent("room-reset", { userId: user.id, detail: "reset the room" });
    return done(
      `Room reset: ${r.copies} stolen cop${r.copies === 1 ? "y" : "ies"} and their replays, ${r.mail} message${r.mail === 1 ? "" : "s"}, the deny-list, ${r.families} refresh famil${r.families === 1 ? "y" : "ies"} and every rotated key are gone; the clock is back to real time. Participants and their accounts stay.${token ? " Your own JWT was re-issued with the AUTH_SECRET key." : ""}`,
    );
  },
);

const sessionInput = z.object({
  userId: z.string().min(1).max(64),
  hash: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Unknown session."),
});

/** Delete one session row of one user (the console's per-session lever). */
export const deleteSessionAction = adminAction(sessionInput, async ({ userId, hash }) => {
  const n = await deleteSessionOf(userId, hash);
  if (n === 0) return { status: "error", message: "That session was already gone." };
  return done("Session deleted: that device is signed out on its next request.");
});
