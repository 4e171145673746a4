import Link from "next/link";
import { getAuthState } from "@/lib/auth/state";
import { LABS } from "@/lib/labs/catalog";
import { labProgress } from "@/lib/labs/progress";
import { labUserId } from "@/lib/labs/who";

export const metadata = { title: "Labs · Session Lab" };

/** The guided labs in session order, with your progress in each when the server knows who you are. */
export default async function LabsIndex() {
  const { scope, verdict } = await getAuthState();
  const userId = await labUserId(scope, verdict);
  const progress = userId ? await labProgress(userId) : [];
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Guided labs</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Seven labs, in the order a session runs them. Each has a goal, a few steps and checkpoints that turn
          green when the server sees you did the step. Printable version:{" "}
          <Link href="/handout" className="text-blue-700 underline dark:text-blue-400">
            the handout
          </Link>
          .
        </p>
      </div>
      <ol className="space-y-3">
        {LABS.map((lab, i) => {
          const p = progress.find((x) => x.lab === lab.id);
          return (
            <li
              key={lab.id}
              className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <Link href={`/labs/${lab.id}`} className="text-blue-700 underline dark:text-blue-400">
                    Lab {i + 1}: {lab.title}
                  </Link>
                </h2>
                {p ? (
                  <span
                    className={`text-sm ${p.done === p.total ? "font-semibold text-green-800 dark:text-green-300" : "text-slate-600 dark:text-slate-400"}`}
                  >
                    {p.done} of {p.total} checkpoints
                  </span>
                ) : null}
              </div>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{lab.goal}</p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
