import "server-only";
import Credentials from "next-auth/providers/credentials";
import { RateLimitedSignIn } from "@/lib/auth/providers";
import { CLIENT_IP_HEADER } from "@/lib/net/forwarding";
import { isWorkshop } from "./mode";
import { authorizeInstructor, authorizeParticipant, RoomRateLimited } from "./sign-in";

/**
 * Workshop mode's two ways in, as real Auth.js Credentials providers, so a participant's sign-in
 * goes through Auth.js exactly like a password sign-in (CSRF, the mode's session, the audit log):
 *  - "participant": POST /api/auth/callback/participant; the credential is the HttpOnly key cookie;
 *  - "instructor": POST /api/auth/callback/instructor with { secret }.
 * In demo mode neither exists (/api/auth/providers does not list them).
 */
const participantProvider = Credentials({
  id: "participant",
  name: "Workshop participant",
  credentials: {},
  authorize: (_input, request) => authorizeParticipant(request.headers.get("cookie")),
});

const instructorProvider = Credentials({
  id: "instructor",
  name: "Instructor secret",
  credentials: { secret: { label: "Instructor secret", type: "password" } },
  async authorize(input, request) {
    try {
      return await authorizeInstructor(input, request.headers.get(CLIENT_IP_HEADER));
    } catch (error) {
      if (error instanceof RoomRateLimited) throw new RateLimitedSignIn();
      throw error;
    }
  },
});

export function roomProviders() {
  return isWorkshop() ? [participantProvider, instructorProvider] : [];
}

/** How the audit log names a sign-in, by provider id. */
export function signInMethod(provider: string | undefined): string {
  const methods: Record<string, string> = {
    email: "magic link",
    participant: "participant key",
    instructor: "instructor secret",
  };
  return methods[provider ?? ""] ?? "password";
}
