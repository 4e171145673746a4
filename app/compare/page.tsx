import { CompareTable } from "@/features/labs/compare-table";
import { measureModes } from "@/lib/labs/measure";
import { revocationTimes } from "@/lib/labs/revocation-times";

export const metadata = { title: "Compare the modes · Session Lab" };
export const dynamic = "force-dynamic";

/** The comparison table, measured on this server each time the page is drawn. */
export default async function ComparePage() {
  const [measures, times] = await Promise.all([measureModes(), revocationTimes()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Sessions and JWTs, measured here</h1>
      <p className="max-w-3xl text-slate-700 dark:text-slate-300">
        The usual comparison, with this server&apos;s own numbers in each cell: the cookies a real session of
        each mode sends, the read path timed on it, what each request reads, how long stolen copies kept
        working after each lever (from the room&apos;s replays), and the lifetimes in force. Reload to measure
        again.
      </p>
      <CompareTable measures={measures} times={times} />
    </div>
  );
}
