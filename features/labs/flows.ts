import type { LabId } from "@/lib/labs/types";
import type { Flow } from "./flow-diagram";

/** Each lab's request flow, drawn by FlowDiagram. */
export const FLOWS: Record<LabId, Flow> = {
  state: {
    title: "Where a request's session is found",
    desc: "The browser sends its cookie. In Database mode the app looks the id up in the session store; in JWT mode it decrypts the token itself and asks no store.",
    nodes: [
      ["Browser", "session cookie"],
      ["App server", "readSession"],
      ["Session store", "Database modes"],
    ],
    edges: [
      ["Cookie: id", "or JWT"],
      ["lookup by", "SHA-256(id)"],
    ],
  },
  jwt: {
    title: "Who can read what in a token",
    desc: "Anyone holding a token can decode its header; a JWS payload is readable by all; a JWE payload only by the server, which holds the key derived from AUTH_SECRET.",
    nodes: [
      ["Token holder", "header: readable"],
      ["JWS payload", "readable by all"],
      ["JWE payload", "server key only"],
    ],
    edges: [
      ["base64url", "decode"],
      ["encrypt", "A256GCM"],
    ],
  },
  revocation: {
    title: "A stolen copy replayed after a revocation",
    desc: "The thief sends the copied cookie. The app accepts it unless a row is gone, a deny-list entry matches, the key was retired, or the refresh family was revoked.",
    nodes: [
      ["Thief", "stolen cookie"],
      ["App server", "readSession"],
      ["Row, deny-list", "keys, families"],
    ],
    edges: [
      ["replay", "same cookie"],
      ["still valid?", ""],
    ],
  },
  lifetimes: {
    title: "Expiry decided on one auth clock",
    desc: "Each request compares the session's idle and absolute limits with the auth clock, which the instructor can move forward.",
    nodes: [
      ["Auth clock", "real time + offset"],
      ["App server", "idle, absolute"],
      ["Verdict", "in or expired"],
    ],
    edges: [
      ["now", ""],
      ["compare", "limits"],
    ],
  },
  browser: {
    title: "What an injected script can reach",
    desc: "A script injected into the page can read localStorage and send it to the server it came from, but cannot read an HttpOnly cookie; the browser still attaches that cookie to requests.",
    nodes: [
      ["Injected script", "runs in the page"],
      ["localStorage", "token: taken"],
      ["HttpOnly cookie", "not readable"],
    ],
    edges: [
      ["getItem", ""],
      ["document.cookie", "omits it"],
    ],
  },
  beyond: {
    title: "A service deciding who is calling",
    desc: "The app signs an access token; the orders service verifies it with the app's public key from the JWKS, without calling the app. A session credential instead needs introspection at the app.",
    nodes: [
      ["App", "signs ES256"],
      ["Client", "Bearer token"],
      ["Orders service", "JWKS, cached"],
    ],
    edges: [
      ["access token", ""],
      ["Authorization", "header"],
    ],
  },
  choose: {
    title: "The trade-off behind each choice",
    desc: "Server-side state gives instant revocation at the cost of a lookup per request; self-contained tokens let any service verify alone at the cost of revocation.",
    nodes: [
      ["Need", "revocation, scale"],
      ["Mode", "row or token"],
      ["Cost", "lookups or lag"],
    ],
    edges: [
      ["decides", ""],
      ["pays", ""],
    ],
  },
};
