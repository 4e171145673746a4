/** Auth.js error codes (in ?error= on the sign-in page) in words a learner understands. */
const MESSAGES: Record<string, string> = {
  CredentialsSignin:
    "Wrong email or password. (The lab answers the same for an unknown email, so no one can probe which accounts exist.)",
  Verification: "That sign-in link is no longer valid: it was already used or it expired. Ask for a new one.",
  AccessDenied: "Access denied.",
  MissingCSRF: "The form expired (missing CSRF token). Reload the page and try again.",
  Configuration: "The server could not complete sign-in. Try again; if it persists, check the server log.",
  EmailSignin: "Could not send the sign-in link. Check the address and try again.",
};

export function signInErrorMessage(code: string | undefined | null): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? "Sign-in failed. Please try again.";
}
