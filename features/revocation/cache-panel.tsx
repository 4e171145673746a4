import { Badge, Card } from "@/features/ui/card";
import { duration } from "@/lib/auth/lifetimes";

/** Cookie-cache mode: most requests never look at the row, and that is also how long revocation can lag. */
export function CachePanel({ cacheS, hit }: { cacheS: number; hit: boolean }) {
  return (
    <Card
      id="cache"
      title="Session cache cookie"
      subtitle="A signed copy of your session rides in a second cookie. While it is fresh, the server trusts it without reading the session row."
    >
      <p className="text-sm">
        This request:{" "}
        {hit ? (
          <Badge tone="green">answered from the cache cookie (no lookup)</Badge>
        ) : (
          <Badge tone="blue">looked up the row (cache missing or stale)</Badge>
        )}
      </p>
      <p className="mt-2 text-sm">
        Revocation delay: up to <strong>{duration(cacheS)}</strong>. Deleting the row (sign out, revoke) takes
        effect only once the cache cookie a device (or a thief) holds is older than that. Keep a stolen copy,
        revoke, and replay it to measure the delay.
      </p>
    </Card>
  );
}
