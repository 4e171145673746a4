import { ActionButton } from "@/features/sessions/action-button";
import { Badge, Card, dangerButtonClass, quietButtonClass } from "@/features/ui/card";
import { denyListEnforced } from "@/lib/auth/deny-list";
import { env } from "@/lib/env";
import { stores } from "@/lib/store";
import { outageStatus } from "@/lib/store/outage-board";
import { endStoreOutage } from "./outage-actions";
import { OutageForm } from "./outage-form";

/**
 * The fault drill: make a store unreachable for every instance, watch each mode cope, end it. What
 * each mode does is stated here, next to the button, so the class can predict it before clicking.
 */
export function OutageCard() {
  const left = outageStatus();
  const denyKind = stores().denyListKind;
  const closed = env.AUTH_DENYLIST_WHEN_DOWN === "closed";
  const rows = [
    {
      store: "database" as const,
      what: "session store",
      title: `Session store (${env.DATABASE_URL.startsWith("file:") ? "SQLite" : "PostgreSQL"})`,
    },
    ...(denyKind === "redis"
      ? [{ store: "redis" as const, what: "deny-list store", title: "Deny-list store (Redis)" }]
      : []),
  ];
  return (
    <Card
      id="outage"
      title="Store outage drill"
      subtitle="Makes a store unreachable for every app instance (the state is shared through the database), then brings it back. Nothing is deleted: sessions survive the outage."
    >
      <ul className="space-y-4">
        {rows.map((r) => (
          <li key={r.store} className="space-y-2">
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <strong>{r.title}</strong>
              {left[r.store] ? (
                <Badge tone="red">unreachable: {left[r.store]} s left</Badge>
              ) : (
                <Badge tone="green">reachable</Badge>
              )}
            </p>
            <div className="flex flex-wrap items-start gap-3">
              <OutageForm
                store={r.store}
                what={r.what}
                label={`Make the ${r.what} unreachable`}
                className={dangerButtonClass}
              />
              <ActionButton
                action={endStoreOutage}
                fields={{ store: r.store }}
                label="End the outage"
                ariaLabel={`End the ${r.what} outage`}
                className={quietButtonClass}
              />
            </div>
          </li>
        ))}
      </ul>
      <dl className="mt-4 space-y-2 text-sm">
        <dt className="font-semibold">While the session store is down</dt>
        <dd>
          Database and cookie-cache sessions fail closed: pages say “Session store unavailable”, the API
          answers 503, and nobody is signed in or out. Plain JWTs keep working: checking them needs only the
          key. Signed in with a database session yourself? You cannot end the outage early; it ends on time.
        </dd>
        <dt className="font-semibold">
          While the deny-list store is down: {closed ? "fail closed" : "fail open"}
        </dt>
        <dd>
          {closed
            ? "A JWT that must be checked against the deny-list is refused as unavailable (503) until the store is back: a revoked token never slips through, and every JWT user is locked out meanwhile."
            : "A JWT that must be checked against the deny-list is trusted unchecked (the request panel says so): nobody is locked out, and a revoked token works again until the store is back."}{" "}
          Chosen by AUTH_DENYLIST_WHEN_DOWN={env.AUTH_DENYLIST_WHEN_DOWN}. JWTs are checked against it only
          while the deny-list switch is on (now {denyListEnforced() ? "on" : "off"}); token introspection for
          other services always asks it, and answers 503 whatever the policy. The deny-list lives in{" "}
          {denyKind === "redis"
            ? "Redis, a store of its own"
            : "the session store's database here, so it goes down with it (set REDIS_URL to keep it apart)"}
          .
        </dd>
      </dl>
    </Card>
  );
}
