import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/password";

/**
 * Creating accounts: the seeding script, the instructor's console and the admin API (which test
 * suites use, so they never write SQL into one particular database engine) all come through here.
 */
export const newAccount = z.object({
  email: z.string().trim().toLowerCase().max(254).email("Give a valid email address."),
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(8, "Passwords have at least 8 characters.").max(200),
  role: z.enum(["user", "admin"]).default("user"),
});
export type NewAccount = z.infer<typeof newAccount>;

export type Created = { ok: true; id: string; email: string; role: string } | { ok: false; error: string };

export async function createAccount(input: NewAccount): Promise<Created> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: {
        email: input.email,
        name: input.name ?? input.email.split("@")[0] ?? null,
        role: input.role,
        passwordHash,
      },
      select: { id: true, email: true, role: true },
    });
    return { ok: true, ...user };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, error: "An account with this email exists." };
    throw error;
  }
}
