import Link from "next/link";
import { CostChart, JwtGrowthChart, LookupChart, ThroughputChart } from "@/features/benchmarks/charts";
import { LiveBench } from "@/features/benchmarks/live";
import { latestResults } from "@/features/benchmarks/load";
import { CostTable, MicroTables, TargetsTable, ThroughputTable } from "@/features/benchmarks/tables";
import { Card, Mono } from "@/features/ui/card";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGY_LABELS } from "@/lib/auth/strategy";

export const metadata = { title: "Benchmarks · Session Lab" };
export const dynamic = "force-dynamic";

const pct = (x: number) => `${Math.round(x * 100)} %`;

export default async function BenchmarksPage() {
  const [stored, { user, scope }] = await Promise.all([latestResults(), getAuthState()]);
  const results = stored.ok ? stored.results : null;
  const ratioOf = (id: string) => results?.http.find((h) => h.id === id)?.ratio ?? null;
  const padded = ratioOf("database-padded:app");
  const plain = ratioOf("database:app");
  const jwtRatio = ratioOf("jwt:app");
  // Signed out, /api/whoami answers 401 to every request (the browser logs each one): only the floor runs.
  const liveRows = [
    { id: "health", label: "GET /api/health (floor)", path: "/api/health", storedRatio: 1 },
    ...(user
      ? [
          {
            id: "app",
            label: "whoami, app read path",
            path: "/api/whoami",
            storedRatio: ratioOf(`${scope.strategy}:app`),
          },
          {
            id: "authjs",
            label: "whoami, Auth.js auth()",
            path: "/api/whoami?via=authjs",
            storedRatio: ratioOf(`${scope.strategy}:authjs`),
          },
        ]
      : []),
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Benchmarks</h1>
        <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">
          What checking a session costs, mode by mode, measured by <Mono>npm run bench</Mono> against the
          production server. Absolute figures depend on the machine; the percentages of a bare route measured
          in the same run are what carry over.
        </p>
        {results ? (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Stored run: {new Date(results.when).toUTCString()}, {results.machine.cpus} ×{" "}
            {results.machine.cpuModel}, Node {results.machine.node}, {results.settings.connections}{" "}
            connections, {results.settings.durationS} s per row, median of {results.settings.rounds} rounds
            (see docs/performance.md)
            {results.settings.smoke ? " (a smoke run: indicative only)" : ""}. Peak server memory:{" "}
            {results.peakRssMb === null ? "not measured" : `${Math.round(results.peakRssMb)} MB`}.
          </p>
        ) : null}
      </div>

      <Card id="choose" title="What the numbers mean for choosing a mode">
        <ul className="list-disc space-y-2 pl-5 text-sm">
          <li>
            <strong>The inherent cost is small in every mode.</strong> An indexed lookup of a session row
            takes tens of microseconds, decrypting a JWT about as much or more. Neither should decide which
            mode you pick.
          </li>
          <li>
            <strong>Framework work is the big part.</strong> The gap between the app path and Auth.js&apos;s{" "}
            <Mono>auth()</Mono> is work around the check (building the configuration, re-encrypting the JWT),
            not the check itself.
          </li>
          {padded !== null && plain !== null && jwtRatio !== null ? (
            <li>
              <strong>Bytes cost on every request, before any check.</strong> The same database session with
              its cookie padded to a JWT&apos;s size ran at {pct(padded)} of the floor instead of {pct(plain)}{" "}
              (JWT mode: {pct(jwtRatio)}). The framework copies and validates request headers several times
              per request, so a larger credential costs even where nothing reads it.
            </li>
          ) : null}
          <li>
            <strong>Database sessions</strong> revoke on the very next request and keep the cookie small; they
            need the database on every request.
          </li>
          <li>
            <strong>JWTs</strong> need no store to read, but the cookie grows with the claims (several cookies
            past about 4 KB, sent with every request) and a revoked token works until it expires unless a
            deny-list is checked, which is a lookup again.
          </li>
          <li>
            <strong>The cookie cache</strong> saves the lookup while its copy is fresh, and pays for it with a
            revocation delay of up to the cache&apos;s life.
          </li>
        </ul>
      </Card>

      {results ? (
        <>
          <Card id="targets" title="Targets">
            <TargetsTable targets={results.targets} />
          </Card>
          <Card id="throughput" title="Throughput compared with a bare route">
            <ThroughputChart http={results.http} />
            <details className="mt-3">
              <summary className="cursor-pointer text-sm">The figures</summary>
              <ThroughputTable http={results.http} />
            </details>
          </Card>
          <Card id="costs" title="Inside one request">
            <CostChart costs={results.costs} />
            <details className="mt-3">
              <summary className="cursor-pointer text-sm">The figures</summary>
              <CostTable costs={results.costs} />
            </details>
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card id="lookups" title="Lookup cost as the table grows">
              <LookupChart lookups={results.lookups} />
              {results.lookupNotes.map((note) => (
                <p key={note} className="mt-2 text-sm text-amber-800 dark:text-amber-300">
                  {note}
                </p>
              ))}
            </Card>
            <Card id="jwt-size" title="JWT size as claims grow">
              <JwtGrowthChart jwtGrowth={results.jwtGrowth} chunkSize={results.chunkSize} />
            </Card>
          </div>
          <Card id="micro" title="Lookups, decoding and cookie sizes">
            <MicroTables lookups={results.lookups} decode={results.decode} cookies={results.cookies} />
          </Card>
        </>
      ) : (
        <Card id="no-results" title="No stored results">
          <p className="text-sm">{stored.ok ? "" : stored.reason}</p>
        </Card>
      )}

      <Card
        id="live"
        title="Live benchmark against this server"
        subtitle={`From this browser, in your current mode (${user ? STRATEGY_LABELS[scope.strategy] : "signed out"}). Other visitors' requests and the browser itself are part of what you measure.`}
      >
        {user ? null : (
          <p className="mb-3 text-sm">
            Signed out, only the floor runs.{" "}
            <Link href="/signin" className="text-blue-700 underline dark:text-blue-300">
              Sign in
            </Link>{" "}
            to measure what your mode adds to it.
          </p>
        )}
        <LiveBench rows={liveRows} />
      </Card>
    </div>
  );
}
