import type { JWT } from "next-auth/jwt";
import type { StoreKind } from "@/lib/store/gate";
import type { SessionRecord } from "@/lib/store/sessions";
import type { LabClaims } from "../claims";
import type { Limit } from "../jwt-codec";
import type { Lifetimes } from "../lifetimes";
import type { RequestScope } from "../scope";
import type { Strategy } from "../strategy";

/** Who a credential belongs to, as much as any view needs (never a hash or a token). */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: string;
}

/** The read path's answer for one request: in, out (and why), or the store could not be asked. */
export type Verdict =
  | {
      status: "signed-in";
      strategy: Strategy;
      via: "cookie" | "bearer";
      user: SessionUser;
      /** Epoch ms on the auth clock: when the credential stops being accepted if nothing happens. */
      expiresAt: number;
      /** Epoch ms: the original sign-in; the absolute timeout counts from here. */
      authTime: number;
      persistent: boolean;
      /** JWT modes: the decrypted claims and the key that made them. */
      claims: LabClaims | null;
      keyId: string | null;
      /** Database modes: the session row (identified by its hash). */
      record: SessionRecord | null;
      /** Cookie-cache mode: whether the signed copy answered without a lookup. */
      cache?: "hit" | "miss";
      /** A caveat to show (e.g. the deny-list could not be consulted and the server trusts unchecked). */
      note?: string;
    }
  | { status: "signed-out"; limit: Limit | null; reason: string | null }
  | { status: "unavailable"; store: StoreKind; reason: string };

export type SignedIn = Extract<Verdict, { status: "signed-in" }>;

/** Revocation levers. Each mode lists the ones that act on its sessions, and what they do. */
export type LeverId =
  | "sign-out"
  | "db-revoke"
  | "deny-sid"
  | "deny-user"
  | "family-revoke"
  | "hard-rotation"
  | "grace-rotation"
  | "admin";

/** One lifetime in force for a mode, as enforced: shown by the Lifetimes panel. */
export interface LifetimeRule {
  name: string;
  seconds: number;
  what: string;
}

/** What a page response should carry back to the browser (and what the page should see). */
export interface Renewal {
  setCookies: string[];
  /** The cookies the rest of this request should see instead of the ones the browser sent. */
  cookies?: Map<string, string>;
}

export interface SignInInput {
  scope: RequestScope;
  user: { id: string; role: string; email: string; name: string | null };
  persistent: boolean;
  /** Claims Auth.js already put in its token (sub, email, name, picture). */
  token: JWT;
}

/**
 * One way of keeping a user signed in. Everything that differs between the modes is a member
 * here; the rest of the app looks a mode up in STRATEGY_MODULES and never tests its name.
 */
export interface StrategyModule {
  readonly id: Strategy;
  /** NextAuth's `session.strategy` for this mode. */
  readonly nextAuth: "database" | "jwt";
  /** One or two sentences: what the cookie holds and what the server does with it. */
  readonly intro: string;
  /** What the server keeps for a signed-in user of this mode (the Server panel's headline). */
  readonly serverKeeps: string;
  /** The stores a request of this mode reads, at most (shown in comparisons). */
  readonly readsPerRequest: string;
  /** What each revocation lever does to a session of this mode; absent: the lever does not apply. */
  readonly levers: Partial<Record<LeverId, string>>;
  lifetimeRules(l: Lifetimes): LifetimeRule[];
  /** Auth.js's jwt callback at sign-in: set the session up and return what encode will receive. */
  signIn(input: SignInInput): Promise<JWT>;
  /** Auth.js's jwt.encode: the cookie value. */
  encode(token: JWT, salt: string): Promise<string>;
  /** Auth.js's jwt.decode (the stock path). */
  decode(token: string, salt: string): Promise<JWT | null>;
  /** Before reading a page request: renew what must be renewed first (refresh mode's access token). */
  prepare?(scope: RequestScope): Promise<Renewal | null>;
  /** The app's read path: the credential → a verdict. */
  read(credential: string, scope: RequestScope): Promise<Verdict>;
  /** After a page request was read: keep the browser's session alive. Never on prefetches. */
  renew(verdict: SignedIn, scope: RequestScope): Promise<Renewal | null>;
  /** Cookies beyond the session cookie that belong to a session of this mode (cleared at sign-out). */
  readonly extraCookies: readonly ("refresh" | "cache")[];
}
