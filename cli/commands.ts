/**
 * The CLI's four commands. The CLI is the article's "client without cookies": it signs in over
 * an API, keeps its token in a file, and sends it as `Authorization: Bearer` to the app and to
 * the orders service. What it can and cannot do at logout depends on the mode, and it says so.
 */
import {
  type Credentials,
  credentialsFile,
  deleteCredentials,
  loadCredentials,
  saveCredentials,
} from "./credentials";
import { refused, unusable } from "./errors";
import { call, type Reply, reasonOf } from "./http";

export interface Options {
  url?: string;
  service: string;
  email?: string;
  password?: string;
  mode?: string;
}

const now = () => Math.floor(Date.now() / 1000);

function mustBeLoggedIn(): Credentials {
  const c = loadCredentials();
  if (!c) throw refused("not logged in: run `npm run cli -- login` first.");
  return c;
}

function refusal(what: string, reply: Reply): Error {
  if (reply.status === 429) return refused(`${what} refused: ${reasonOf(reply)}`);
  if (reply.status >= 500)
    return unusable(`${what} failed: the server answered ${reply.status} (${reasonOf(reply)}).`);
  return refused(`${what} refused: ${reasonOf(reply)}`);
}

export async function login(o: Options, email: string, password: string): Promise<string> {
  const url = new URL("/api/token", o.url ?? "http://localhost:3000");
  const reply = await call(url, {
    json: { grant_type: "password", username: email, password, mode: o.mode },
  });
  if (reply.status !== 200) throw refusal("Login", reply);
  const b = reply.body;
  const saved = saveCredentials({
    url: url.origin,
    email,
    mode: b.session_mode as Credentials["mode"],
    access_token: String(b.access_token),
    refresh_token: typeof b.refresh_token === "string" ? b.refresh_token : undefined,
    expires_at: now() + Number(b.expires_in ?? 0),
  });
  return `Logged in as ${email} (${b.session_mode} session). Token kept in ${saved} (readable only by you).`;
}

/** JWT + refresh: trade the refresh token for a new pair and keep it (the old one is now spent). */
async function refreshed(c: Credentials): Promise<Credentials> {
  if (!c.refresh_token) throw refused("the session expired: log in again.");
  const reply = await call(new URL("/api/token/refresh", c.url), {
    json: { refresh_token: c.refresh_token },
  });
  if (reply.status !== 200) throw refusal("Refresh", reply);
  const next = {
    ...c,
    access_token: String(reply.body.access_token),
    refresh_token: String(reply.body.refresh_token),
    expires_at: Number(reply.body.expires_at),
  };
  saveCredentials(next);
  return next;
}

/** A request with the access token; once, if it was refused as expired and a refresh token exists, renew and retry. */
async function withSession(c: Credentials, send: (token: string) => Promise<Reply>) {
  const first = await send(c.access_token);
  if (first.status !== 401 || !c.refresh_token || first.body.limit !== "access") return { reply: first, c };
  const renewed = await refreshed(c);
  return { reply: await send(renewed.access_token), c: renewed };
}

export async function whoami(o: Options): Promise<string> {
  const c = mustBeLoggedIn();
  const base = o.url ?? c.url;
  const { reply, c: used } = await withSession(c, (token) =>
    call(new URL("/api/whoami", base), { bearer: token }),
  );
  if (reply.status !== 200) throw refusal("The app", reply);
  const user = reply.body.user as { email?: string; role?: string } | undefined;
  const renewed = used !== c ? " (access token renewed with the refresh token)" : "";
  return `${user?.email} (${user?.role}), ${reply.body.strategy} session, sent as a bearer token${renewed}.`;
}

export async function orders(o: Options): Promise<string> {
  const c = mustBeLoggedIn();
  const base = o.url ?? c.url;
  let bearer = c.access_token;
  let how = "the session id itself: the service must ask the app (introspection)";
  // A session JWE is sealed with the app's secret: the service cannot read it, so get a signed token first.
  if (c.access_token.split(".").length === 5) {
    const { reply } = await withSession(c, (token) =>
      call(new URL("/api/token/access", base), { bearer: token, method: "POST" }),
    );
    if (reply.status !== 200) throw refusal("Minting an access token", reply);
    bearer = String(reply.body.access_token);
    how = "a signed access token: the service verifies it with the app's public key";
  }
  const reply = await call(new URL("/orders", o.service), { bearer }).catch((error: Error) => {
    throw unusable(
      `${error.message.replace(/\. Is it running\?$/, "")}: start the orders service with npm run service.`,
    );
  });
  if (reply.status !== 200) throw refusal("The orders service", reply);
  const v = reply.body.verification as { method: string; contacted: string[]; ms: number };
  const list =
    (reply.body.orders as { id: string; item: string; quantity: number; placedOn: string }[]) ?? [];
  return [
    `Sent ${how}.`,
    ...list.map((x) => `  ${x.placedOn}  ${x.id}  ${x.quantity} x ${x.item}`),
    `Verified by ${v.method} in ${v.ms} ms; the service reached ${v.contacted.length ? v.contacted.join(", ") : "nothing"}.`,
  ].join("\n");
}

export async function logout(o: Options): Promise<string> {
  const c = mustBeLoggedIn();
  const token = c.refresh_token ?? c.access_token;
  const form = { token, token_type_hint: c.refresh_token ? "refresh_token" : "access_token" };
  let reply: Reply;
  try {
    reply = await call(new URL("/api/token/revoke", o.url ?? c.url), { form });
  } catch (error) {
    throw unusable(
      `${(error as Error).message} Nothing was revoked; ${credentialsFile()} is kept so you can retry.`,
    );
  }
  if (reply.status !== 200) throw refusal("Logout", reply);
  deleteCredentials();
  return `${String(reply.body.note)} Deleted ${credentialsFile()}.`;
}
