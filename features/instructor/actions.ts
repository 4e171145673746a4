"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/guard";
import { denyIssuedToken, endEverything, findUser } from "@/lib/admin";
import { recordEvent } from "@/lib/audit";
import { rotateKeys } from "@/lib/auth/keyring";
import { duration } from "@/lib/auth/lifetimes";
import { revokeAllFamilies } from "@/lib/auth/refresh";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGY_MODULES } from "@/lib/auth/strategies";
import { isStrategy, STRATEGY_LABELS } from "@/lib/auth/strategy";
import { offset, setOffset } from "@/lib/clock";
import { recordRevocation, recordRevocationForAll } from "@/lib/revocation/events";

const MAX_OFFSET_MS = 400 * 24 * 3600 * 1000;

function done(message: string) {
  revalidatePath("/", "layout");
  return { status: "ok", message } as const;
}

/** What a lever did to the instructor's own session, in the words of its mode's module. */
async function toMe(lever: "hard-rotation" | "grace-rotation"): Promise<string> {
  const { verdict } = await getAuthState();
  if (verdict.status !== "signed-in") return "";
  const effect = STRATEGY_MODULES[verdict.strategy].levers[lever];
  const mode = STRATEGY_LABELS[verdict.strategy];
  return effect
    ? ` Your own ${mode} session: ${effect}`
    : ` Your own session is a ${mode} session: key rotation does not touch it.`;
}

// "to" rather than "reset": a field named "reset" would shadow the form's own reset() method.
const travelInput = z.object({
  seconds: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_OFFSET_MS / 1000)
    .default(0),
  to: z.enum(["later", "now"]).default("later"),
});

/** Time travel: moves the auth clock (never the machine's) for every expiry check in every mode. */
export const travel = adminAction(travelInput, async ({ seconds, to }, { user }) => {
  const next = to === "now" ? 0 : Math.min(offset() + seconds * 1000, MAX_OFFSET_MS);
  await setOffset(next);
  const message =
    next === 0
      ? "The auth clock is back to real time."
      : `The auth clock now runs ${Math.round(next / 60000)} min ahead.`;
  // Written as what the instructor did: every participant's banner reads "The instructor …".
  const did =
    next === 0
      ? "moved the auth clock back to real time"
      : `moved the auth clock +${duration(seconds)} (now ${duration(next / 1000)} ahead of real time)`;
  await recordEvent("clock-moved", { userId: user.id, detail: did });
  return done(message);
});

export const rotate = adminAction(
  z.object({ mode: z.enum(["grace", "hard"]) }),
  async ({ mode }, { user }) => {
    const hard = mode === "hard";
    let key: Awaited<ReturnType<typeof rotateKeys>>;
    try {
      key = await rotateKeys(mode);
    } catch {
      return {
        status: "error",
        message: "Another rotation happened at the same moment; look at the key list and try again.",
      };
    }
    const families = hard ? await revokeAllFamilies("hard key rotation") : 0;
    await recordRevocationForAll(hard ? "hard-rotation" : "grace-rotation");
    await recordEvent("key-rotated", {
      userId: user.id,
      detail: `rotated the JWT keys (${mode} rotation: ${key.id} active${hard ? ", every older token dead" : ""})`,
    });
    const revokedText = `${families} refresh famil${families === 1 ? "y was" : "ies were"} revoked with them`;
    return done(
      (hard
        ? `Key ${key.id} is active and every older key is retired: every JWT session just ended, and ${revokedText}.`
        : `Key ${key.id} now encrypts new tokens; older keys still decrypt until their tokens expire.`) +
        (await toMe(hard ? "hard-rotation" : "grace-rotation")),
    );
  },
);

const userInput = z.object({ userId: z.string().min(1).max(64) });

/** End everything a user holds: rows deleted (instant), tokens deny-listed, refresh families revoked. */
export const endUser = adminAction(userInput, async ({ userId }) => {
  const user = await findUser(userId);
  if (!user) return { status: "error", message: "Unknown user." };
  const { rows, families } = await endEverything(user.id);
  await recordRevocation(user.id, "admin", null);
  await recordEvent("revoked", { userId: user.id, detail: "the instructor ended every session and token" });
  return done(
    `${user.email}: ${rows} database session${rows === 1 ? "" : "s"} deleted (gone on the next request), all tokens deny-listed (refused where the deny-list is checked), ${families} refresh famil${families === 1 ? "y" : "ies"} revoked. A plain JWT checked without the deny-list still works until it expires: nothing on the server can stop it.`,
  );
});

const sidInput = z.object({ sid: z.string().min(1).max(64), userId: z.string().min(1).max(64) });

export const denyToken = adminAction(sidInput, async ({ sid, userId }) => {
  const found = await denyIssuedToken(sid, userId);
  if (!found) return { status: "error", message: "Unknown token." };
  await recordRevocation(userId, "admin", isStrategy(found.strategy) ? found.strategy : null);
  await recordEvent("revoked", {
    userId,
    strategy: found.strategy,
    detail: `the instructor deny-listed sid ${sid.slice(0, 8)}…`,
  });
  return done(`Token ${sid} is deny-listed.`);
});
