import { Badge, Card, Mono, ScrollArea } from "@/features/ui/card";
import { when } from "@/features/ui/format";
import { duration } from "@/lib/auth/lifetimes";
import type { CookieLifetime, CookieRow } from "./describe";
import { DocumentCookie } from "./document-cookie";

function lifetimeText(l: CookieLifetime): string {
  if (l.kind === "session") return "session cookie (no Expires): gone when the browser closes";
  return l.until
    ? `persistent, expires ${when(l.until)}`
    : `persistent: kept ${duration(l.maxAgeS)} after it was set`;
}

export function BrowserPanel({ cookies, totalBytes }: { cookies: CookieRow[]; totalBytes: number }) {
  return (
    <Card
      id="browser"
      title="Browser"
      subtitle={`What this request carried: ${cookies.length} cookies, ${totalBytes} bytes sent with every request.`}
    >
      {cookies.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No cookies yet. Sign in to get a session cookie.
        </p>
      ) : (
        <ScrollArea label="Cookies sent with this request (scrolls sideways)">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Cookies sent with this request</caption>
            <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">
              <tr>
                <th className="py-1 pr-3">Cookie</th>
                <th className="py-1 pr-3">Size</th>
                <th className="py-1 pr-3">Value</th>
                <th className="py-1">Attributes the server set</th>
              </tr>
            </thead>
            <tbody>
              {cookies.map((c) => (
                <tr key={c.name} className="border-t border-slate-100 align-top dark:border-slate-800">
                  <th scope="row" className="break-all py-2 pr-3 font-mono font-normal">
                    {c.name}
                    {c.facts ? (
                      <div className="font-sans text-xs text-slate-500 dark:text-slate-400">
                        {c.facts.purpose} · set by {c.facts.setBy}
                      </div>
                    ) : null}
                  </th>
                  <td className="whitespace-nowrap py-2 pr-3">{c.bytes} B</td>
                  <td className="py-2 pr-3">
                    <Mono>{c.preview}</Mono>
                  </td>
                  <td className="py-2">
                    {c.facts ? (
                      <div className="flex flex-wrap gap-1">
                        <Badge tone={c.facts.httpOnly ? "green" : "amber"}>
                          {c.facts.httpOnly ? "HttpOnly" : "readable by JS"}
                        </Badge>
                        <Badge tone={c.facts.secure ? "green" : "slate"}>
                          {c.facts.secure ? "Secure" : "not Secure (http)"}
                        </Badge>
                        <Badge>SameSite={c.facts.sameSite}</Badge>
                        <Badge>Path={c.facts.path}</Badge>
                        <Badge tone="blue">{lifetimeText(c.facts.lifetime)}</Badge>
                      </div>
                    ) : (
                      <span className="text-xs text-slate-500 dark:text-slate-400">not set by this app</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
        Browsers send only name=value back; the attributes are what the server said when it set each cookie.
        Over plain http on localhost nothing is Secure; over HTTPS Auth.js names the cookie{" "}
        <code>__Secure-authjs.session-token</code> and marks it Secure. SameSite=Lax keeps it off cross-site
        POSTs, and Auth.js adds a CSRF token to its own forms.
      </p>
      <div className="mt-3">
        <DocumentCookie />
      </div>
    </Card>
  );
}
