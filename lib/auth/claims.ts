import type { JWT } from "next-auth/jwt";
import { z } from "zod";
import type { JwtMode } from "./strategy";

/**
 * The claims of a session JWT, parsed once when it is decoded. A token whose claims do not fit
 * (a missing sid, a mode we never issue, a string where a number belongs) is refused as
 * malformed rather than half-trusted.
 */
const schema = z.object({
  sub: z.string().min(1).max(64),
  sid: z.string().min(1).max(64),
  mode: z.enum(["jwt", "jwt-refresh"]),
  authTime: z.number().int().nonnegative(),
  iat: z.number().int().nonnegative(),
  exp: z.number().int().nonnegative(),
  jti: z.string().max(64).optional(),
  fam: z.string().min(1).max(64).optional(),
  persistent: z.boolean().default(true),
  role: z.string().max(32).default("user"),
  email: z.string().max(254).nullish(),
  name: z.string().max(200).nullish(),
  picture: z.string().max(2048).nullish(),
  kidName: z.string().max(16).optional(),
});

export type LabClaims = z.infer<typeof schema> & { mode: JwtMode };

export function parseClaims(payload: unknown): LabClaims | null {
  const parsed = schema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

/** Back to the shape Auth.js's callbacks expect. */
export function toJwt(claims: LabClaims): JWT {
  return { ...claims };
}
