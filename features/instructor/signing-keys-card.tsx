import { Countdown } from "@/features/revocation/countdown";
import { ActionButton } from "@/features/sessions/action-button";
import { Badge, Card, Mono, quietButtonClass } from "@/features/ui/card";
import { when } from "@/features/ui/format";
import { duration } from "@/lib/auth/lifetimes";
import type { KeyState, SigningKeyInfo } from "@/lib/auth/signing-keys";
import { env } from "@/lib/env";
import { rotateSigningKeyAction } from "./signing-key-actions";

const TONES: Record<KeyState, "blue" | "green" | "amber" | "slate"> = {
  next: "blue",
  current: "green",
  previous: "amber",
  retired: "slate",
};

/**
 * The keys that sign access tokens for other services, and their rotation. Publish-then-sign is
 * visible here: a rotated key shows as "next" (already in the JWKS) with a countdown to the
 * moment it starts signing. These times are real time: time travel does not move other systems.
 */
export function SigningKeysCard({ keys, now }: { keys: SigningKeyInfo[]; now: number }) {
  const lead = env.SIGNING_KEY_PUBLISH_LEAD;
  return (
    <Card
      id="signing-keys"
      title="Signing keys (access tokens for other services)"
      subtitle={`Published at /.well-known/jwks.json. A new key is published ${lead} s before it signs; a replaced key stays published while its tokens (${duration(env.SERVICE_TOKEN_TTL)}) may live.`}
    >
      <ul className="space-y-1 text-sm">
        {keys.slice(0, 6).map((k) => (
          <li key={k.kid} className="flex flex-wrap items-center gap-2">
            <Mono>{k.kid.slice(0, 12)}…</Mono>
            <Badge tone={TONES[k.state]}>{k.state}</Badge>
            {k.state === "next" ? (
              <span>
                signs in{" "}
                <Countdown
                  until={k.activatesAt}
                  offsetMs={0}
                  initialSeconds={Math.ceil((k.activatesAt - now) / 1000)}
                  label={`Key ${k.kid.slice(0, 8)} starts signing in`}
                  expired="now (reload)"
                />
              </span>
            ) : k.state === "previous" && k.unpublishAt ? (
              <span>
                leaves the JWKS in{" "}
                <Countdown
                  until={k.unpublishAt}
                  offsetMs={0}
                  initialSeconds={Math.ceil((k.unpublishAt - now) / 1000)}
                  label={`Key ${k.kid.slice(0, 8)} leaves the JWKS in`}
                  expired="now (reload)"
                />
              </span>
            ) : (
              <span className="text-slate-600 dark:text-slate-400">
                created {when(new Date(k.createdAt))}
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap gap-3">
        <ActionButton
          action={rotateSigningKeyAction}
          label="Rotate signing key"
          className={quietButtonClass}
        />
      </div>
    </Card>
  );
}
