import Link from "next/link";
import { callWithAccessToken, callWithSessionCredential } from "@/features/services/actions";
import { CallPanel } from "@/features/services/call-panel";
import type { CallAction } from "@/features/services/types";
import { Card, Mono } from "@/features/ui/card";
import { StoreUnavailable } from "@/features/ui/store-unavailable";
import { duration } from "@/lib/auth/lifetimes";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGY_LABELS } from "@/lib/auth/strategy";
import { env } from "@/lib/env";
import { serviceRunning } from "@/lib/services/orders-client";

export const metadata = { title: "Other services · Session Lab" };

// The actions answer a CallState (the guard passes the handler's result through unchanged).
const viaAccessToken = callWithAccessToken as unknown as CallAction;
const viaSession = callWithSessionCredential as unknown as CallAction;

export default async function ServicesPage() {
  const [{ verdict, scope }, running] = await Promise.all([getAuthState(), serviceRunning()]);
  const ttl = duration(env.SERVICE_TOKEN_TTL);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">Beyond one server: the orders service</h1>
      <p className="text-slate-700 dark:text-slate-300">
        The orders service is a separate program on its own port, with its own clock and no access to this
        app&apos;s database or secrets. Before it shows anyone their orders it must decide who is calling.
        There are two ways, and they fail differently.
      </p>
      <p role="note" className="text-sm">
        Orders service at <Mono>{env.ORDERS_SERVICE_URL}</Mono>:{" "}
        {running ? (
          <strong className="text-green-800 dark:text-green-300">running</strong>
        ) : (
          <>
            <strong className="text-red-700 dark:text-red-300">not running</strong>. Start it in a second
            terminal with <Mono>npm run service</Mono>, then reload this page.
          </>
        )}
      </p>
      {verdict.status === "unavailable" ? <StoreUnavailable reason={verdict.reason} /> : null}
      {verdict.status === "signed-in" ? (
        <div className="grid gap-4 md:grid-cols-2">
          <CallPanel
            action={viaAccessToken}
            title="With a signed access token"
            button="Call with an access token"
          >
            The app mints a token signed with its private key (ES256, valid {ttl}). The service checks the
            signature with the public key it fetched once from <Mono>/.well-known/jwks.json</Mono> and keeps
            cached: no call to the app, no database.
          </CallPanel>
          <CallPanel
            action={viaSession}
            title="With my session credential"
            button="Call with my session cookie"
          >
            Your {STRATEGY_LABELS[scope.strategy]} session cookie is either an id that only the app&apos;s
            database can look up, or a JWT encrypted with a key only the app holds. The service cannot judge
            it, so it asks the app on every call (token introspection).
          </CallPanel>
        </div>
      ) : verdict.status === "signed-out" ? (
        <p>
          <Link href="/signin?callbackUrl=/services" className="text-blue-700 underline dark:text-blue-300">
            Sign in
          </Link>{" "}
          to call the orders service as yourself.
        </p>
      ) : null}
      <Card
        id="revocation-cost"
        title="What each way costs when a session is revoked"
        subtitle="Independence is bought with the power to take a token back."
      >
        <ul className="list-disc space-y-2 pl-5 text-sm">
          <li>
            <strong>Access token:</strong> nothing reaches the service when you sign out or an instructor ends
            your session. A token minted before that keeps working until its <Mono>exp</Mono>, up to {ttl}{" "}
            later. That is why such tokens live minutes, not hours.
          </li>
          <li>
            <strong>Session credential:</strong> the service asks the app every time, so the very next call
            after a revocation is refused. The price is a round trip to the app on every request, and no
            answer at all while the app (or its session store) is down.
          </li>
          <li>
            The same two ways work without a browser: <Mono>npm run cli -- login</Mono>, then{" "}
            <Mono>npm run cli -- orders</Mono>.
          </li>
        </ul>
      </Card>
    </div>
  );
}
