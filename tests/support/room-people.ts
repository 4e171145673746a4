import { joinRoom } from "@/features/room/actions";
import { COOKIES } from "@/lib/auth/cookies";
import type { Strategy } from "@/lib/auth/strategy";
import { randomToken } from "@/lib/auth/tokens";
import { participantByKey } from "@/lib/room/participants";
import { roomSignIn } from "./room-auth";
import { asBrowser, browserOf, form, IDLE, jar } from "./room-request";

/**
 * A participant as the tests need one: joined through the real action, with a browser (key, bench)
 * that can sign in through Auth.js in any mode. `browser(mode)` signs in and returns the cookies
 * that browser then sends.
 */
let address = 0;

export async function joinAs(name: string) {
  asBrowser({}, `192.0.2.${(++address % 250) + 1}`);
  const joined = await joinRoom(IDLE, form({ name }));
  if (joined.status !== "ok") throw new Error(`could not join: ${JSON.stringify(joined)}`);
  const key = jar.get(COOKIES.participant.name(false)) ?? "";
  const me = await participantByKey(key);
  if (!me) throw new Error("no participant for the key");
  const bench = randomToken(16);
  return {
    ...me,
    key,
    bench,
    async browser(strategy: Strategy) {
      const signedIn = await roomSignIn("participant", strategy, { [COOKIES.participant.name(false)]: key });
      if (!signedIn.session) throw new Error(`sign-in failed in ${strategy} mode: ${signedIn.location}`);
      return {
        cookie: signedIn.session,
        refresh: signedIn.refresh,
        cookies: browserOf({
          strategy,
          cookie: signedIn.session,
          extra: {
            [COOKIES.bench.name(false)]: bench,
            [COOKIES.participant.name(false)]: key,
            ...(signedIn.refresh ? { [COOKIES.refresh.name(false)]: signedIn.refresh } : {}),
          },
        }),
      };
    },
  };
}
