import { UAParser } from "ua-parser-js";

/** "Chrome 156 on Linux", from a User-Agent header; the lab's own CLI names itself. */
export function device(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const cli = /^session-lab-cli\/(\S+)/.exec(userAgent);
  if (cli) return `Session Lab CLI ${cli[1]}`;
  const { browser, os } = UAParser(userAgent);
  const b = [browser.name, browser.major].filter(Boolean).join(" ");
  return [b || "Unknown client", os.name].filter(Boolean).join(" on ");
}
