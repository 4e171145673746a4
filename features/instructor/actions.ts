"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/features/sessions/actions";
import { requireAdmin } from "@/lib/admin";
import { denySid, denyUser } from "@/lib/auth/deny-list";
import { rotateKeys } from "@/lib/auth/keyring";
import { revokeAllFamilies, revokeFamiliesOfUser } from "@/lib/auth/refresh";
import { offset, setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { recordRevocation, recordRevocationForAll } from "@/lib/revocation/events";
import { revokeAllSessions } from "@/lib/sessions";

const forbidden: ActionResult = { status: "error", message: "Instructor only: sign in as an admin." };
const MAX_OFFSET_MS = 400 * 24 * 3600 * 1000;

function done(message: string): ActionResult {
  revalidatePath("/", "layout");
  return { status: "ok", message };
}

const travelInput = z.object({
  seconds: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_OFFSET_MS / 1000),
  reset: z.enum(["0", "1"]).default("0"),
});

/** Time travel: moves the auth clock (never the machine's) for every expiry check in both modes. */
export async function travel(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  if (!(await requireAdmin())) return forbidden;
  const parsed = travelInput.safeParse({
    seconds: form.get("seconds") ?? 0,
    reset: form.get("reset") ?? "0",
  });
  if (!parsed.success) return { status: "error", message: "Pick one of the time-travel steps." };
  const next = parsed.data.reset === "1" ? 0 : Math.min(offset() + parsed.data.seconds * 1000, MAX_OFFSET_MS);
  await setOffset(next);
  return done(
    next === 0
      ? "The auth clock is back to real time."
      : `The auth clock now runs ${Math.round(next / 60000)} min ahead.`,
  );
}

const rotateInput = z.object({ mode: z.enum(["grace", "hard"]) });

export async function rotate(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  if (!(await requireAdmin())) return forbidden;
  const parsed = rotateInput.safeParse({ mode: form.get("mode") });
  if (!parsed.success) return { status: "error", message: "Unknown rotation." };
  const hard = parsed.data.mode === "hard";
  let key: Awaited<ReturnType<typeof rotateKeys>>;
  try {
    key = await rotateKeys(parsed.data.mode);
  } catch {
    return {
      status: "error",
      message: "Another rotation happened at the same moment; look at the key list and try again.",
    };
  }
  const families = hard ? await revokeAllFamilies("hard key rotation") : 0;
  await recordRevocationForAll(hard ? "hard-rotation" : "grace-rotation");
  return done(
    hard
      ? `Key ${key.id} is active and every older key is retired: every JWT session just ended, yours included, and ${families} refresh famil${families === 1 ? "y was" : "ies were"} revoked with them.`
      : `Key ${key.id} now encrypts new tokens; older keys still decrypt until their tokens expire.`,
  );
}

const userInput = z.object({ userId: z.string().min(1).max(64) });

/** End everything a user holds: rows deleted (instant), tokens deny-listed, refresh families revoked. */
export async function endUser(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  if (!(await requireAdmin())) return forbidden;
  const parsed = userInput.safeParse({ userId: form.get("userId") });
  if (!parsed.success) return { status: "error", message: "Unknown user." };
  const user = await db.user.findUnique({ where: { id: parsed.data.userId } });
  if (!user) return { status: "error", message: "Unknown user." };
  const rows = await revokeAllSessions(user.id);
  await denyUser(user.id, "ended by the instructor");
  const families = await revokeFamiliesOfUser(user.id, "ended by the instructor");
  await recordRevocation(user.id, "admin");
  return done(
    `${user.email}: ${rows} database session${rows === 1 ? "" : "s"} deleted (gone on the next request), all tokens deny-listed (refused where the deny-list is checked), ${families} refresh famil${families === 1 ? "y" : "ies"} revoked. A plain JWT checked without the deny-list still works until it expires: nothing on the server can stop it.`,
  );
}

const sidInput = z.object({ sid: z.string().min(1).max(64), userId: z.string().min(1).max(64) });

export async function denyToken(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  if (!(await requireAdmin())) return forbidden;
  const parsed = sidInput.safeParse({ sid: form.get("sid"), userId: form.get("userId") });
  if (!parsed.success) return { status: "error", message: "Unknown token." };
  const issued = await db.issuedToken.findUnique({ where: { sid: parsed.data.sid } });
  await denySid(parsed.data.sid, "deny-listed by the instructor", issued?.expiresAt);
  await recordRevocation(parsed.data.userId, "admin");
  return done(`Token ${parsed.data.sid} is deny-listed.`);
}
