"use client";

import { useEffect, useState } from "react";

/**
 * What JavaScript on this page can read. HttpOnly cookies (the session credential among them)
 * are simply absent: an XSS payload here could not steal them, unlike a token kept in localStorage.
 */
export function DocumentCookie() {
  const [value, setValue] = useState<string | null>(null);
  useEffect(() => setValue(document.cookie), []);
  const names = value ? value.split("; ").map((c) => c.split("=")[0]) : [];
  return (
    <section
      aria-labelledby="js-title"
      className="rounded-lg border border-dashed border-slate-300 p-3 dark:border-slate-700"
    >
      <h3 id="js-title" className="text-sm font-semibold">
        What <code className="font-mono">document.cookie</code> shows to scripts
      </h3>
      {value === null ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Reading…</p>
      ) : (
        <>
          <p data-testid="document-cookie" className="mt-1 break-all font-mono text-xs">
            {value || "(empty)"}
          </p>
          <p className="mt-1 text-sm">
            {names.some((n) => n?.includes("session-token"))
              ? "The session cookie is visible to scripts! It should be HttpOnly."
              : "No session cookie here: it is HttpOnly, so scripts (and XSS) cannot read it."}
          </p>
        </>
      )}
    </section>
  );
}
