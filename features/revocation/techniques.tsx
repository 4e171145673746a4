import { Card, ScrollArea } from "@/features/ui/card";
import { STRATEGY_MODULES } from "@/lib/auth/strategies";
import type { LeverId } from "@/lib/auth/strategies/types";
import { STRATEGIES, STRATEGY_LABELS } from "@/lib/auth/strategy";
import { TECHNIQUES } from "@/lib/revocation/events";

/** The trade-off in one table, straight from each mode's module; the experiment above measures it. */
export function TechniquesTable() {
  const levers = Object.keys(TECHNIQUES) as LeverId[];
  return (
    <Card id="techniques" title="Ways to end access, and what each does in each mode">
      <ScrollArea label="Revocation levers by session mode (scrolls sideways)">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">Revocation levers by session mode</caption>
          <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">
            <tr>
              <th className="py-1 pr-3">Lever</th>
              {STRATEGIES.map((s) => (
                <th key={s} className="py-1 pr-3">
                  {STRATEGY_LABELS[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {levers.map((lever) => (
              <tr key={lever} className="border-t border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className="py-1 pr-3 font-medium">
                  {TECHNIQUES[lever]}
                </th>
                {STRATEGIES.map((s) => (
                  <td key={s} className="py-1 pr-3 text-slate-700 dark:text-slate-300">
                    {STRATEGY_MODULES[s].levers[lever] ?? (
                      <span className="text-slate-600 dark:text-slate-400">does not apply</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Card>
  );
}
