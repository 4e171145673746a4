import { z } from "zod";
import { COOKIES } from "@/lib/auth/cookies";
import { sessionCredential } from "@/lib/auth/scope";
import { recordCheckpoint } from "@/lib/labs/evaluate";
import { fromThisSite, labCaller } from "@/lib/labs/request";
import { cookieStringHas, isDemoTokenOf } from "@/lib/labs/xss";

/**
 * The XSS lab's collector: where the injected script sends what it could take. Same origin only
 * (the demo page's CSP allows nothing else). It answers in words, and records the two
 * checkpoints when it sees the participant's own demo token, and a document.cookie without the
 * session cookie from a browser that did send one.
 */
export const dynamic = "force-dynamic";

const loot = z.object({ token: z.string().max(200).nullable(), cookies: z.string().max(8000) });

const text = (body: string, status = 200) =>
  new Response(body, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

export async function POST(req: Request) {
  if (!fromThisSite(req)) return text("The collector takes loot from this site's demo page only.", 403);
  const parsed = loot.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return text("Send JSON: { token: string | null, cookies: string }.", 400);
  const { userId, scope } = await labCaller(req);
  if (!userId) return text("Sign in first: the lab compares the loot with your own session.", 401);
  const { token, cookies } = parsed.data;
  const lines: string[] = [];
  if (token && isDemoTokenOf(userId, token)) {
    await recordCheckpoint(userId, "browser:xss-token");
    lines.push(
      `Stolen from localStorage: ${token.slice(0, 12)}… (your demo API token). Any script on the page can read it.`,
    );
  } else lines.push("No demo token of yours in the loot.");
  const sessionName = COOKIES.session.name(scope.secure);
  const held = sessionCredential(scope) !== null;
  if (held && !cookieStringHas(cookies, sessionName)) {
    await recordCheckpoint(userId, "browser:xss-cookie");
    lines.push(
      `document.cookie gave: ${cookies || "(nothing)"}. Your session cookie ${sessionName} is not there: it is HttpOnly, so the browser sent it with this very request but never showed it to the script.`,
    );
  } else if (!held) lines.push("This browser sent no session cookie, so there is nothing to compare.");
  else lines.push(`document.cookie included ${sessionName}: this cookie is not HttpOnly here.`);
  return text(lines.join("\n"));
}
