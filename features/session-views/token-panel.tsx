import { Badge, Card, Mono, ScrollArea } from "@/features/ui/card";
import { relative } from "@/features/ui/format";
import { abbreviate } from "@/lib/auth/inspect";
import type { tokenDetails } from "./describe";

type Details = NonNullable<ReturnType<typeof tokenDetails>>;

/** The credential itself: a JWE taken apart, or an opaque id and what the server keeps of it. */
export function TokenPanel({ details }: { details: Details | null }) {
  if (!details) {
    return (
      <Card id="token" title="Token" subtitle="The credential in the session cookie.">
        <p className="text-sm text-slate-600 dark:text-slate-400">No session cookie on this request.</p>
      </Card>
    );
  }
  if (!details.parts) {
    return (
      <Card
        id="token"
        title="Token"
        subtitle="An opaque session id: a pointer to a row, meaningless on its own."
      >
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">Cookie value</dt>
          <dd>
            {/* Never the whole id: a projected page or a script reading the DOM would hold a live session. */}
            <Mono>{abbreviate(details.raw, 6)}</Mono>
          </dd>
          <dt className="text-slate-500 dark:text-slate-400">Size</dt>
          <dd>{details.bytes} bytes</dd>
          <dt className="text-slate-500 dark:text-slate-400">Entropy</dt>
          <dd>{details.entropyBits} bits from the OS's CSPRNG (crypto.randomBytes), new at every sign-in</dd>
          <dt className="text-slate-500 dark:text-slate-400">What the server stores</dt>
          <dd>
            <Mono>SHA-256 = {details.storedHash.slice(0, 20)}…</Mono>: a stolen database yields no usable
            cookie
          </dd>
        </dl>
      </Card>
    );
  }
  const claims = details.claims;
  const exp = typeof claims?.exp === "number" ? claims.exp * 1000 : null;
  return (
    <Card
      id="token"
      title="Token"
      subtitle={`A ${details.parts.kind} (${details.bytes} bytes): the session itself, encrypted by the server.`}
    >
      <ol className="grid gap-1 text-sm sm:grid-cols-5">
        {details.parts.parts.map((p) => (
          <li key={p.name} className="rounded border border-slate-200 p-2 dark:border-slate-700">
            <div className="font-medium">{p.name}</div>
            <div>{p.bytes} B</div>
            <Mono>{p.preview}</Mono>
          </li>
        ))}
      </ol>
      <p className="mt-3 text-sm">
        Header (readable by anyone): <Mono>{JSON.stringify(details.header)}</Mono>
      </p>
      <p className="mt-1 text-sm">
        Made with key <Badge tone="blue">{details.keyId ?? "unknown"}</Badge> (the header's kid is that key's
        thumbprint)
        {exp ? <> · expires {relative(exp, details.now)}</> : null}
      </p>
      <h3 className="mt-3 text-sm font-semibold">Claims, decrypted on the server</h3>
      {claims ? (
        <ScrollArea label="Decrypted claims (scrolls sideways)" className="mt-1">
          <pre className="rounded bg-slate-900 p-3 text-xs text-slate-100">
            {JSON.stringify(claims, null, 2)}
          </pre>
        </ScrollArea>
      ) : (
        <p className="text-sm text-red-700 dark:text-red-300">
          This token could not be decrypted: it is not trusted.
        </p>
      )}
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        The browser cannot read these claims (JWE, {String(details.header?.enc ?? "encrypted")}). A
        signed-only JWS would be readable by anyone holding it: signing proves who made a token, it hides
        nothing.
      </p>
    </Card>
  );
}
