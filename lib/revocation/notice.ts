import "server-only";
import { redirect } from "next/navigation";

const MAX = 400;

/** Redirect to the revocation page with a one-line outcome the page shows as a status banner. */
export function showNotice(message: string): never {
  redirect(`/revocation?notice=${encodeURIComponent(message.slice(0, MAX))}`);
}

/** Only plain, short text is shown (React escapes it); anything else is ignored. */
export function readNotice(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 && value.length <= MAX ? value : null;
}
