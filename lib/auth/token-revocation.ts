import "server-only";
import { recordEvent } from "@/lib/audit";
import { nowSeconds } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { COOKIES } from "./cookies";
import { decodeSessionJwt } from "./jwt-codec";
import { duration } from "./lifetimes";
import { revokeFamily } from "./refresh";
import { sha256 } from "./tokens";

/**
 * Token revocation for clients (RFC 7009), which is how the CLI signs out. What "revoke" can
 * mean depends on where the session lives:
 *  - a database session id: delete the row, and the id is refused everywhere on the next request;
 *  - a refresh token (or a refresh-mode access token): revoke the family, so nothing renews it;
 *  - a plain JWT: there is nothing on the server to delete. It stays valid until its exp.
 * The answer says which, in words, because the differences are the lesson.
 */
export interface Revocation {
  revoked: "session" | "refresh-family" | "nothing";
  note: string;
}

const CLIENT = "revoked by its client (token revocation endpoint)";

async function revokeJwe(token: string): Promise<Revocation> {
  const at = nowSeconds();
  let decoded = await decodeSessionJwt(token, COOKIES.session.name(false), "any", at);
  if (!decoded.ok && decoded.limit === "key")
    decoded = await decodeSessionJwt(token, COOKIES.session.name(true), "any", at);
  if (!decoded.ok) return { revoked: "nothing", note: `Nothing to revoke: ${decoded.reason}` };
  const { claims } = decoded;
  const left = duration(Math.max(0, claims.exp - at));
  if (claims.fam) {
    await revokeFamily(claims.fam, CLIENT);
    await recordEvent("sign-out", { userId: claims.sub, strategy: claims.mode, detail: CLIENT });
    return {
      revoked: "refresh-family",
      note: `The refresh family is revoked: nothing can renew this sign-in. The access token itself still works until its exp (${left} from now): it is checked without a lookup.`,
    };
  }
  return {
    revoked: "nothing",
    note: `A plain JWT session has no server-side record to delete: this token stays valid until its exp (${left} from now), unless the instructor deny-lists it. Forgetting it is all a client can do.`,
  };
}

/** `hint`: RFC 7009's token_type_hint; only an optimisation, never trusted for the outcome. */
export async function revokeClientToken(token: string, hint: string | null): Promise<Revocation> {
  if (token.split(".").length === 5) return revokeJwe(token);
  const hash = sha256(token);
  if (hint !== "refresh_token") {
    const row = await db.session.findUnique({ where: { sessionToken: hash }, select: { userId: true } });
    const { count } = await db.session.deleteMany({ where: { sessionToken: hash } });
    if (count > 0) {
      await recordEvent("sign-out", { userId: row?.userId, strategy: "database", detail: CLIENT });
      return {
        revoked: "session",
        note: "The session row is deleted: this token is refused everywhere from the next request on.",
      };
    }
  }
  const refresh = await db.refreshToken.findUnique({ where: { hash }, include: { family: true } });
  if (refresh) {
    await revokeFamily(refresh.familyId, CLIENT);
    await recordEvent("sign-out", { userId: refresh.family.userId, strategy: "jwt-refresh", detail: CLIENT });
    return {
      revoked: "refresh-family",
      note: "The refresh family is revoked: no access token can be renewed with it. An access token already issued works until its exp (seconds).",
    };
  }
  return {
    revoked: "nothing",
    note: "This server holds no such token (already revoked, expired, or never issued).",
  };
}
