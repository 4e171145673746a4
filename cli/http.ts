/**
 * HTTP for the CLI: JSON in, JSON out, a User-Agent that names the CLI (the sessions list then
 * shows "Session Lab CLI" as the device), and one sentence instead of a stack when a server
 * cannot be reached.
 */
import { unusable } from "./errors";

export const CLI_VERSION = "0.1.0";
const USER_AGENT = `session-lab-cli/${CLI_VERSION} (node ${process.versions.node}; ${process.platform})`;

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function call(
  url: URL,
  o: { method?: string; bearer?: string; json?: unknown; form?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: "application/json" };
  if (o.bearer) headers.authorization = `Bearer ${o.bearer}`;
  let body: string | undefined;
  if (o.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(o.json);
  } else if (o.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(o.form).toString();
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method: o.method ?? (body ? "POST" : "GET"),
      headers,
      body,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw unusable(`cannot reach ${url.origin} (${code}). Is it running?`);
  }
  const parsed: unknown = await res.json().catch(() => null);
  const record =
    parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  return { status: res.status, body: record, headers: res.headers };
}

/** The server's own sentence for a refusal, whichever field it used. */
export function reasonOf(reply: Reply): string {
  const b = reply.body;
  const text = [b.error_description, b.reason, b.message, b.error].find((v) => typeof v === "string");
  return typeof text === "string" ? text : `HTTP ${reply.status}`;
}
