import type { Lab } from "./types";

/** Labs 5 to 7: the browser's defences, beyond one server, choosing a mode. */
export const LABS_B: Lab[] = [
  {
    id: "browser",
    title: "Browser security: cookie flags, CSRF and XSS",
    goal: "See what HttpOnly, Secure and SameSite do, why a form from another site cannot act for you, and what an injected script can and cannot take.",
    steps: [
      {
        text: "In the Browser panel, read each cookie's flags: the session cookie is HttpOnly (no script can read it) and SameSite=Lax (not sent on another site's POST).",
        href: "/",
        linkLabel: "Open Where state lives",
      },
      {
        text: "CSRF: Auth.js's POST endpoints also want a token from a second cookie that only this origin can read back, so a forged form from elsewhere is refused.",
      },
      {
        text: "Open the deliberately vulnerable demo page. It keeps a demo API token in localStorage and prints your comment without escaping it. Post the suggested script as a comment.",
        href: "/labs/browser/xss/demo",
        linkLabel: "Open the XSS demo",
      },
      {
        text: "Read what the script sent back: the localStorage token, yes; your HttpOnly session cookie, no.",
        href: "/labs/browser/xss/demo",
        linkLabel: "Open the XSS demo",
      },
    ],
    checkpoints: [
      {
        id: "browser:xss-token",
        label: "The injected script stole the token kept in localStorage",
        detectedBy: "the demo's collector received the demo token issued to you",
      },
      {
        id: "browser:xss-cookie",
        label: "The same script could not read your HttpOnly session cookie",
        detectedBy:
          "the collector received the script's document.cookie without your session cookie, from a browser that holds one",
      },
    ],
  },
  {
    id: "beyond",
    title: "Beyond one server: services and clients without cookies",
    goal: "See how another service decides who is calling: a signed access token it checks alone, or your session credential that only the app can judge.",
    steps: [
      {
        text: "On Other services, call the orders service with a signed access token: it checks the signature with the app's public key and asks nobody.",
        href: "/services",
        linkLabel: "Open Other services",
      },
      {
        text: "Call it with your session cookie instead: the service must ask the app (introspection) every time.",
        href: "/services",
        linkLabel: "Open Other services",
      },
      {
        text: "Alone, from a terminal: npm run cli -- login --mode jwt, then whoami and orders. The CLI has no cookie jar: it sends Authorization: Bearer. (Workshop participants have no password; the instructor shows this one.)",
      },
    ],
    checkpoints: [
      {
        id: "beyond:access-token",
        label: "The app signed an access token for you",
        detectedBy: "an access token minted for you on Other services",
      },
      {
        id: "beyond:orders",
        label: "The orders service answered you",
        detectedBy: "the orders service returned your orders to a call made for you",
      },
      {
        id: "beyond:cli",
        label: "You signed in from a client without cookies",
        detectedBy: "a sign-in of yours through the token endpoint (the CLI)",
        only: "solo",
      },
    ],
  },
  {
    id: "choose",
    title: "Choosing a mode",
    goal: "Pick a way to keep users signed in for three products, give a short reason, and compare with the trade-offs you measured.",
    steps: [
      {
        text: "Look at the comparison table measured on this server: size, reads per request, cost, time to revocation.",
        href: "/compare",
        linkLabel: "Open Compare",
      },
      {
        text: "For each product below, choose a mode and say why in a sentence. The feedback weighs your reason.",
      },
    ],
    checkpoints: [
      {
        id: "choose:banking",
        label: "A banking app",
        detectedBy: "a choice with a reason submitted for the banking app",
      },
      {
        id: "choose:ecommerce",
        label: "An e-commerce platform of services",
        detectedBy: "a choice with a reason submitted for the e-commerce platform",
      },
      {
        id: "choose:saas",
        label: "A multi-client SaaS (web, mobile, CLI)",
        detectedBy: "a choice with a reason submitted for the SaaS",
      },
    ],
  },
];
