"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { StoredResults } from "./schema";

/**
 * The stored results as charts. Rendered in the browser from props (no fetch, no font or script
 * from anywhere else); every chart has a caption, and the page shows the same figures as tables.
 */
const APP = "#1d4ed8";
const AUTHJS = "#f59e0b";
const GROUPS = ["signed-out", "database", "jwt", "jwt-refresh", "cookie-cache"] as const;

function Figure({
  caption,
  tall = false,
  children,
}: {
  caption: string;
  tall?: boolean;
  children: React.ReactElement;
}) {
  return (
    <figure className="min-w-0">
      <div className={`${tall ? "h-96" : "h-64"} w-full`}>
        <ResponsiveContainer width="100%" height="100%" minWidth={0}>
          {children}
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-sm text-slate-600 dark:text-slate-400">{caption}</figcaption>
    </figure>
  );
}

const pct = (x: number) => Math.round(x * 100);

export function ThroughputChart({ http }: Pick<StoredResults, "http">) {
  const data = GROUPS.map((g) => {
    const row = (via: "app" | "authjs") => http.find((h) => h.id === `${g}:${via}`);
    const same = row("app")?.sameCookiesRatio;
    return {
      group: g,
      app: pct(row("app")?.ratio ?? 0),
      same: typeof same === "number" ? pct(same) : null,
      authjs: pct(row("authjs")?.ratio ?? 0),
    };
  });
  const withSame = data.some((d) => d.same !== null);
  return (
    <Figure
      caption={`Throughput of GET /api/whoami as a percentage of GET /api/health (the floor, 100 %), through the app's read path and through Auth.js's auth()${withSame ? "; the light bars divide the app path by the floor sent with the same cookies, so only the check differs" : ""}. The dashed line is the 80 % target.`}
    >
      <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="group" tick={{ fontSize: 11 }} interval={0} />
        <YAxis
          unit=" %"
          tick={{ fontSize: 11 }}
          domain={[0, (max: number) => Math.max(100, Math.ceil(max / 20) * 20)]}
        />
        <Tooltip formatter={(v) => `${v} %`} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine y={80} stroke="#16a34a" strokeDasharray="4 4" />
        <Bar dataKey="app" name="app read path" fill={APP} isAnimationActive={false} />
        {withSame ? (
          <Bar
            dataKey="same"
            name="app read path, floor with the same cookies"
            fill="#93c5fd"
            isAnimationActive={false}
          />
        ) : null}
        <Bar dataKey="authjs" name="Auth.js auth()" fill={AUTHJS} isAnimationActive={false} />
      </BarChart>
    </Figure>
  );
}

const KINDS = [
  { key: "key", name: "key lookup", color: "#7c3aed" },
  { key: "crypto", name: "crypto", color: "#db2777" },
  { key: "store", name: "store query", color: "#0891b2" },
  { key: "check", name: "checks", color: "#65a30d" },
  { key: "framework", name: "framework", color: "#94a3b8" },
] as const;

export function CostChart({ costs }: Pick<StoredResults, "costs">) {
  const data = costs
    .filter((c) => c.id.endsWith(":app") || c.id.endsWith(":authjs"))
    .map((c) => ({
      ...c,
      row: c.id.replace(":app", " app").replace(":authjs", " Auth.js").replace("signed-out", "out"),
    }));
  return (
    <Figure
      tall
      caption="Where the time of one request goes inside the handler (ms, mean of sequential requests, from the app's own trace). Grey is everything around the inherent work."
    >
      <BarChart data={data} layout="vertical" margin={{ top: 0, right: 8, left: 8, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" unit=" ms" tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="row" width={112} tick={{ fontSize: 10 }} interval={0} />
        <Tooltip formatter={(v) => `${Number(v).toFixed(3)} ms`} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {KINDS.map((k) => (
          <Bar
            key={k.key}
            dataKey={k.key}
            name={k.name}
            stackId="a"
            fill={k.color}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </Figure>
  );
}

export function LookupChart({ lookups }: Pick<StoredResults, "lookups">) {
  const sizes = [...new Set(lookups.map((l) => l.sessions))].sort((a, b) => a - b);
  const data = sizes.map((n) => ({
    sessions: n.toLocaleString("en"),
    sqlite: lookups.find((l) => l.engine === "sqlite" && l.sessions === n)?.meanUs,
    postgresql: lookups.find((l) => l.engine === "postgresql" && l.sessions === n)?.meanUs,
  }));
  return (
    <Figure caption="One session lookup (SessionStore.find, µs) as the table grows. Flat means the index does its job; the dashed line is the 200 µs target.">
      <LineChart data={data} margin={{ top: 8, right: 8, left: -8, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="sessions" tick={{ fontSize: 11 }} />
        <YAxis unit=" µs" tick={{ fontSize: 11 }} />
        <Tooltip formatter={(v) => `${Number(v).toFixed(1)} µs`} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine y={200} stroke="#16a34a" strokeDasharray="4 4" />
        <Line dataKey="sqlite" name="SQLite" stroke={APP} isAnimationActive={false} />
        <Line dataKey="postgresql" name="PostgreSQL" stroke={AUTHJS} isAnimationActive={false} />
      </LineChart>
    </Figure>
  );
}

export function JwtGrowthChart({ jwtGrowth, chunkSize }: Pick<StoredResults, "jwtGrowth" | "chunkSize">) {
  return (
    <Figure
      caption={`Size of the session JWT as claims grow. Past ${chunkSize.toLocaleString("en")} characters (dashed) Auth.js splits it into several cookies, and every request carries all of them.`}
    >
      <LineChart data={jwtGrowth} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="extraClaimBytes" tick={{ fontSize: 11 }} unit=" B" />
        <YAxis tick={{ fontSize: 11 }} />
        <Tooltip formatter={(v, name) => (name === "cookies" ? v : `${v} bytes`)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine y={chunkSize} stroke="#dc2626" strokeDasharray="4 4" />
        <Line dataKey="jwtBytes" name="JWT bytes" stroke={APP} isAnimationActive={false} />
      </LineChart>
    </Figure>
  );
}
