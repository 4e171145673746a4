/**
 * Light or dark: the reader's choice, remembered in the theme cookie (lib/auth/cookies.ts); with
 * no choice the page follows the system (prefers-color-scheme). The choice is a class on <html>
 * that the server renders, so the first paint already has the right theme.
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function themeOf(cookie: string | undefined): Theme {
  return cookie === "light" || cookie === "dark" ? cookie : "system";
}
