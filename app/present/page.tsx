import Link from "next/link";
import { CompareTable } from "@/features/labs/compare-table";
import { FlowDiagram } from "@/features/labs/flow-diagram";
import { FLOWS } from "@/features/labs/flows";
import { checkpointsFor, LABS, labById } from "@/lib/labs/catalog";
import { measureModes } from "@/lib/labs/measure";
import { revocationTimes } from "@/lib/labs/revocation-times";
import { checkpointCounts } from "@/lib/labs/room-counts";
import { isWorkshop } from "@/lib/room/mode";

export const metadata = { title: "Presenter view · Session Lab" };
export const dynamic = "force-dynamic";

const pill = "rounded-lg border-2 border-current px-4 py-2 text-xl font-semibold no-underline";

/** For the projector: one lab at a time in large type, or the comparison table. ?lab=<id> or ?view=compare. */
export default async function PresentPage({
  searchParams,
}: {
  searchParams: Promise<{ lab?: string; view?: string }>;
}) {
  const { lab: labId, view } = await searchParams;
  const compare = view === "compare";
  const lab = labById(labId ?? "") ?? LABS[0];
  if (!lab) return null;
  const index = LABS.indexOf(lab);
  const prev = LABS[index - 1];
  const next = LABS[index + 1];
  const checkpoints = checkpointsFor(lab, isWorkshop());
  const counts = compare ? new Map<string, number>() : await checkpointCounts(checkpoints.map((c) => c.id));
  const [measures, times] = compare ? await Promise.all([measureModes(), revocationTimes()]) : [[], []];
  return (
    <div className="space-y-8 text-2xl leading-relaxed">
      <nav aria-label="Presenter" className="flex flex-wrap gap-3 text-blue-800 dark:text-blue-300">
        {prev && !compare ? (
          <Link href={`/present?lab=${prev.id}`} className={pill}>
            ← Lab {index}
          </Link>
        ) : null}
        {compare ? (
          <Link href={`/present?lab=${lab.id}`} className={pill}>
            Back to lab {index + 1}
          </Link>
        ) : (
          <Link href={`/present?lab=${lab.id}&view=compare`} className={pill}>
            Comparison table
          </Link>
        )}
        {next && !compare ? (
          <Link href={`/present?lab=${next.id}`} className={pill}>
            Lab {index + 2} →
          </Link>
        ) : null}
      </nav>
      {compare ? (
        <section aria-labelledby="present-compare">
          <h1 id="present-compare" className="text-5xl font-bold">
            Sessions and JWTs, measured here
          </h1>
          <div className="mt-6">
            <CompareTable measures={measures} times={times} big />
          </div>
        </section>
      ) : (
        <section aria-labelledby="present-lab" className="space-y-6">
          <p className="text-xl text-slate-600 dark:text-slate-400">
            Lab {index + 1} of {LABS.length}
          </p>
          <h1 id="present-lab" className="text-5xl font-bold">
            {lab.title}
          </h1>
          <p className="text-3xl">{lab.goal}</p>
          <FlowDiagram id={`present-${lab.id}`} flow={FLOWS[lab.id]} />
          <ol className="list-decimal space-y-3 pl-10">
            {lab.steps.map((s) => (
              <li key={s.text}>{s.text}</li>
            ))}
          </ol>
          <h2 className="text-3xl font-semibold">Checkpoints in the room</h2>
          <ul className="space-y-2">
            {checkpoints.map((c) => (
              <li key={c.id}>
                {c.label}: <strong>{counts.get(c.id) ?? 0}</strong> reached
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
