import Link from "next/link";
import type { RequestScope } from "@/lib/auth/scope";
import { participantOfScope } from "@/lib/room/participants";
import { SignInAgain } from "./join-forms";

/**
 * The sign-in page in a workshop: participants have no password, so their way back in comes first
 * (the key this browser holds), or the door to join. The password and magic-link forms below stay
 * for the labs that teach them; the demo accounts are not accepted here.
 */
export async function WorkshopSignIn({ scope, callbackUrl }: { scope: RequestScope; callbackUrl: string }) {
  const held = await participantOfScope(scope);
  return (
    <section
      aria-labelledby="room-signin-title"
      className="rounded-xl border border-blue-200 bg-blue-50 p-5 dark:border-blue-800 dark:bg-blue-950"
    >
      <h2 id="room-signin-title" className="text-lg font-semibold">
        Workshop participants
      </h2>
      {held ? (
        <div className="mt-3">
          <SignInAgain name={held.name} next={callbackUrl} />
        </div>
      ) : (
        <p className="mt-2 text-sm">
          You sign in by joining:{" "}
          <Link href="/join" className="text-blue-700 underline dark:text-blue-300">
            join the room
          </Link>{" "}
          with a display name, or pair this device with a code from your other one. The instructor signs in on{" "}
          <Link href="/instructor" className="text-blue-700 underline dark:text-blue-300">
            Instructor
          </Link>
          .
        </p>
      )}
    </section>
  );
}
