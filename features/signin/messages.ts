/** Auth.js error codes (in ?error= on the sign-in page) in words a learner understands. */
const MESSAGES: Record<string, string> = {
  CredentialsSignin:
    "Wrong email or password. (The lab answers the same for an unknown email, so no one can probe which accounts exist.)",
  Verification: "That sign-in link is no longer valid: it was already used or it expired. Ask for a new one.",
  AccessDenied:
    "Magic links are not available for instructor accounts: a link is only as safe as the mailbox it lands in. Sign in with the password.",
  MissingCSRF: "The form expired (missing CSRF token). Reload the page and try again.",
  Configuration: "The server could not complete sign-in. Try again; if it persists, check the server log.",
  EmailSignin: "Could not send the sign-in link. Check the address and try again.",
  EmailTooLong: "An email address has at most 254 characters.",
};

/**
 * `code` is Auth.js's second query parameter; for RateLimited the lab puts the seconds to wait there.
 */
export function signInErrorMessage(error: string | undefined | null, code?: string | null): string | null {
  if (!error) return null;
  if (error === "RateLimited" || code === "rate_limited") {
    const wait = code && /^\d+$/.test(code) ? ` Try again in ${code} s.` : " Try again in a few minutes.";
    return `Too many sign-in attempts: the lab limits them per account and per network address, so nobody can guess passwords by brute force.${wait}`;
  }
  return MESSAGES[error] ?? "Sign-in failed. Please try again.";
}
