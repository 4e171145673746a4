import "server-only";
import { COOKIES } from "@/lib/auth/cookies";
import { encodeSessionJwt } from "@/lib/auth/jwt-codec";
import { listKeys } from "@/lib/auth/keyring";
import type { SignedIn } from "@/lib/auth/strategies/types";
import { nowSeconds, setOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { stores } from "@/lib/store";

/**
 * "Reset the room": everything the exercises leave behind goes, in one step, so the next group (or
 * the next exercise) starts clean. Participants' accounts, their devices' keys, their sessions and
 * their lab progress stay; so does the audit log, which is history.
 *
 * JWT keys: every rotated key is retired and its secret wiped, and the AUTH_SECRET key (k1) is
 * active again. The rows stay as tombstones because rotation names keys k2, k3, … by count: a
 * deleted k2 would come back as a *new* k2, and every instance that cached the old k2's derived
 * key would then encrypt with a secret that no longer exists.
 *
 * `keep`: the instructor's refresh families survive, so resetting does not sign them out.
 */
export interface ResetSummary {
  copies: number;
  mail: number;
  families: number;
  keys: number;
}

export async function resetRoom(keep: { userId: string }): Promise<ResetSummary> {
  const at = new Date();
  const [copies, , mail, , families, , keys] = await db.$transaction([
    db.stolenCopy.deleteMany({}), // their replays go with them (cascade)
    db.revocationEvent.deleteMany({}), // what replays were timed against
    db.mailMessage.deleteMany({}),
    db.verificationToken.deleteMany({}), // the live links behind that mail
    db.refreshFamily.deleteMany({ where: { userId: { not: keep.userId } } }), // and their tokens
    db.pairingCode.deleteMany({}),
    db.jwtKey.updateMany({
      where: { id: { not: "k1" } },
      data: { status: "retired", secret: "", retiredAt: at },
    }),
    db.jwtKey.upsert({
      where: { id: "k1" },
      create: { id: "k1", secret: "", status: "active", createdAt: new Date(0) },
      update: { status: "active", retiredAt: null },
    }),
  ]);
  await stores().denyList.clear();
  await setOffset(0);
  await listKeys(true); // this instance sees the keyring at once; others within a second
  return { copies: copies.count, mail: mail.count, families: families.count, keys: keys.count };
}

/**
 * The instructor's own JWT, re-made with the AUTH_SECRET key when the key that made it was just
 * retired (same claims, same sid, same expiry rules), for the action to set on its response.
 */
export async function reissuedForInstructor(
  verdict: SignedIn | null,
  secure: boolean,
): Promise<string | null> {
  if (!verdict?.claims || verdict.keyId === "k1") return null;
  return encodeSessionJwt(verdict.claims, COOKIES.session.name(secure), nowSeconds());
}
