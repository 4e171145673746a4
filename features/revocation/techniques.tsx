import { Card } from "@/features/ui/card";

const ROWS = [
  {
    technique: "Delete the session row (sign out, revoke)",
    mode: "Database",
    time: "Next request: the lookup finds nothing.",
  },
  {
    technique: "Sign out",
    mode: "JWT",
    time: "Never, until exp: sign-out only deletes this browser's copy of the cookie.",
  },
  {
    technique: "Deny-list (sid or user)",
    mode: "JWT",
    time: "Next request, if the deny-list is checked on every request.",
  },
  {
    technique: "Revoke the refresh family",
    mode: "JWT + refresh",
    time: "At most the access token's lifetime (60 s by default).",
  },
  { technique: "Hard key rotation", mode: "JWT (everyone)", time: "Next request, for every user at once." },
  {
    technique: "Grace key rotation",
    mode: "JWT",
    time: "Not a revocation: old tokens keep working until they expire.",
  },
] as const;

/** The trade-off in one table; the stolen-copy experiment above measures each row for real. */
export function TechniquesTable() {
  return (
    <Card id="techniques" title="Ways to end access, and how fast they work">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-3">Technique</th>
            <th className="py-1 pr-3">Mode</th>
            <th className="py-1">Time to revocation</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={`${r.technique}-${r.mode}`} className="border-t border-slate-100">
              <td className="py-1 pr-3">{r.technique}</td>
              <td className="py-1 pr-3">{r.mode}</td>
              <td className="py-1">{r.time}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
