import type { Lab } from "./types";

/** Labs 1 to 4: where the state lives, what a JWT hides, revocation, lifetimes. */
export const LABS_A: Lab[] = [
  {
    id: "state",
    title: "Where the state lives",
    goal: "Sign in once in each mode and find where your session is kept: a row on the server, a token in your cookie, or both.",
    steps: [
      {
        text: "Pick Database in the mode switch at the top, sign in, and find your session row in the Server panel. The cookie holds only a random id.",
        href: "/",
        linkLabel: "Open Where state lives",
      },
      {
        text: "Switch to JWT and sign in again. The Server panel is now empty: the whole session travels in the cookie. Compare the cookie sizes in the Browser panel.",
        href: "/",
        linkLabel: "Open Where state lives",
      },
      {
        text: "Switch to Database + cookie cache and sign in: a row and a signed copy of it in a second cookie, so most requests skip the lookup.",
        href: "/",
        linkLabel: "Open Where state lives",
      },
    ],
    checkpoints: [
      {
        id: "state:database",
        label: "A session row of yours exists (Database mode)",
        detectedBy: "a session created for you in Database mode",
      },
      {
        id: "state:jwt",
        label: "A JWT session of yours exists (nothing stored per session)",
        detectedBy: "a session JWT issued to you in JWT or JWT + refresh mode",
      },
      {
        id: "state:cookie-cache",
        label: "A cookie-cache session of yours exists",
        detectedBy: "a session created for you in Database + cookie cache mode",
      },
    ],
  },
  {
    id: "jwt",
    title: "What is and is not secret in a JWT",
    goal: "See that a signed token (JWS) is readable by anyone who holds it, while this app's session token (JWE) is encrypted: only its header can be read without the server's key.",
    steps: [
      {
        text: "Sign in in JWT mode. Your session cookie is a JWE: five dot-separated parts.",
        href: "/",
        linkLabel: "Open Where state lives",
      },
      {
        text: "Copy your session cookie's value (browser developer tools, Application › Cookies, authjs.session-token) and paste it in the decoder below. Only the first part decodes; the payload is ciphertext.",
      },
      {
        text: "Press “Get a signed access token”, the kind this app gives other services, and paste it in the decoder: header and payload both read as plain JSON. A signature proves who issued it; it hides nothing.",
      },
    ],
    checkpoints: [
      {
        id: "jwt:issued",
        label: "You hold a session JWT",
        detectedBy: "a JWT issued to you at sign-in (its sid is in the issued-token list)",
      },
      {
        id: "jwt:read-jwe",
        label: "You looked inside your own session JWE",
        detectedBy: "you pasted a session token that the server decrypted as yours",
      },
      {
        id: "jwt:read-jws",
        label: "You read the claims of a signed access token",
        detectedBy: "you pasted an access token whose signature the server verified as issued to you",
      },
    ],
  },
  {
    id: "revocation",
    title: "Revocation in each mode",
    goal: "Steal a copy of your own session, end the session, and watch which levers stop the stolen copy and how fast.",
    steps: [
      {
        text: "In Database mode, keep a copy of your cookie and replay it: it is accepted, like a thief's.",
        href: "/revocation",
        linkLabel: "Open Revocation",
      },
      {
        text: "Delete your session row (or sign out, then sign in again to keep going) and replay the copy again: refused at once.",
        href: "/revocation",
        linkLabel: "Open Revocation",
      },
      {
        text: "Switch to JWT, sign in, keep a copy, sign out: the copy still works. Deny-list the token (the instructor turns the deny-list check on) and replay: refused.",
        href: "/revocation",
        linkLabel: "Open Revocation",
      },
      {
        text: "Switch to JWT + refresh, sign in and revoke your refresh family: the access token lives at most a minute more.",
        href: "/revocation",
        linkLabel: "Open Revocation",
      },
    ],
    checkpoints: [
      {
        id: "revocation:copy",
        label: "You kept a stolen copy of your session",
        detectedBy: "a stolen copy of one of your sessions",
      },
      {
        id: "revocation:accepted",
        label: "A replay of the copy was accepted",
        detectedBy: "a replay of your copy that the server accepted",
      },
      {
        id: "revocation:row-refused",
        label: "Ending a session row stopped the copy",
        detectedBy: "a Database-mode copy refused after a revocation lever",
      },
      {
        id: "revocation:deny-list",
        label: "You deny-listed a token of yours",
        detectedBy: "a deny-list entry (or deny action) for one of your tokens",
      },
      {
        id: "revocation:token-refused",
        label: "A stolen JWT was refused after a lever",
        detectedBy: "a JWT-mode copy refused after a revocation lever",
      },
      {
        id: "revocation:refresh",
        label: "A refresh family of yours was revoked",
        detectedBy: "one of your refresh-token families marked revoked",
      },
    ],
  },
  {
    id: "lifetimes",
    title: "Lifetimes: idle, absolute, remember me, time travel",
    goal: "See that a session ends on its own: after a quiet spell (idle) or a fixed time after sign-in (absolute), measured on one auth clock that the instructor can move.",
    steps: [
      {
        text: "Sign in in Database mode and read your row's expiry in the Server panel, and the rules in force in the Lifetimes panel.",
        href: "/",
        linkLabel: "Open Where state lives",
      },
      {
        text: "Alone: sign in without “remember me” and the cookie has no expiry (it goes when the browser closes). In a workshop every participant gets a persistent cookie.",
        href: "/revocation",
        linkLabel: "Open the Lifetimes panel",
      },
      {
        text: "The instructor moves the auth clock past the idle timeout (the banner says so). Reload: you are signed out. Sign in again.",
        href: "/timeline",
        linkLabel: "Open My timeline",
      },
    ],
    checkpoints: [
      {
        id: "lifetimes:row-expiry",
        label: "You had a session row with an expiry",
        detectedBy: "a session row created for you (Database or cookie cache mode)",
      },
      {
        id: "lifetimes:time-travel",
        label: "The auth clock moved while you were signed in",
        detectedBy: "a clock move recorded after your first sign-in",
      },
      {
        id: "lifetimes:signed-in-again",
        label: "You outlived a session and signed in again",
        detectedBy:
          "two sign-ins of yours further apart on the auth clock than the idle timeout, with a clock move between them",
      },
    ],
  },
];
