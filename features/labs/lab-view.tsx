import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/features/ui/card";
import { LABS } from "@/lib/labs/catalog";
import type { Lab } from "@/lib/labs/types";
import { FlowDiagram } from "./flow-diagram";
import { FLOWS } from "./flows";
import { type CheckpointView, LiveCheckpoints } from "./live-checkpoints";

const link = "text-blue-700 underline hover:text-blue-900 dark:text-blue-400";

/** One lab's page: goal, diagram, steps with links to where each is done, live checkpoints. */
export function LabView({
  lab,
  checkpoints,
  signedIn,
  children,
}: {
  lab: Lab;
  checkpoints: CheckpointView[];
  signedIn: boolean;
  children?: ReactNode;
}) {
  const index = LABS.findIndex((l) => l.id === lab.id);
  const prev = LABS[index - 1];
  const next = LABS[index + 1];
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/labs" className={link}>
            Labs
          </Link>{" "}
          › Lab {index + 1} of {LABS.length}
        </p>
        <h1 className="mt-1 text-2xl font-bold">{lab.title}</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          <strong>Goal:</strong> {lab.goal}
        </p>
      </div>
      <Card id="flow" title="The request flow">
        <FlowDiagram id={`flow-${lab.id}`} flow={FLOWS[lab.id]} />
      </Card>
      <Card id="steps" title="Steps">
        <ol className="list-decimal space-y-3 pl-5">
          {lab.steps.map((s) => (
            <li key={s.text}>
              {s.text}{" "}
              {s.href ? (
                <Link href={s.href} className={link}>
                  {s.linkLabel ?? "Go there"}
                </Link>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>
      {children}
      <Card
        id="checkpoints"
        title="Checkpoints"
        subtitle="They turn green by themselves when the server sees you did the step."
      >
        <LiveCheckpoints lab={lab.id} initial={checkpoints} signedIn={signedIn} />
      </Card>
      <nav aria-label="Other labs" className="flex flex-wrap justify-between gap-3 text-sm">
        {prev ? (
          <Link href={`/labs/${prev.id}`} className={link}>
            ← Lab {index}: {prev.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/labs/${next.id}`} className={link}>
            Lab {index + 2}: {next.title} →
          </Link>
        ) : (
          <Link href="/compare" className={link}>
            The comparison table →
          </Link>
        )}
      </nav>
    </div>
  );
}
