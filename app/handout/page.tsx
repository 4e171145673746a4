import { FlowDiagram } from "@/features/labs/flow-diagram";
import { FLOWS } from "@/features/labs/flows";
import { checkpointsFor, LABS } from "@/lib/labs/catalog";
import { isWorkshop } from "@/lib/room/mode";

export const metadata = { title: "Handout: the labs · Session Lab" };

/** Every lab on paper: goal, diagram, steps and what the server looks for. Print it (one lab a page). */
export default function HandoutPage() {
  return (
    <article className="mx-auto max-w-3xl space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Session Lab: the labs</h1>
        <p>
          Seven labs, in order. Each checkpoint is detected by the server from what you really did; the lab
          pages (<strong>/labs</strong>) turn them green as you go.
        </p>
        <p className="no-print text-sm text-slate-600 dark:text-slate-400">
          Use your browser&apos;s Print command: each lab starts on a new page.
        </p>
      </header>
      {LABS.map((lab, i) => (
        <section
          key={lab.id}
          aria-labelledby={`h-${lab.id}`}
          className={`space-y-3 ${i ? "print-break" : ""}`}
        >
          <h2 id={`h-${lab.id}`} className="text-2xl font-bold">
            Lab {i + 1}: {lab.title}
          </h2>
          <p>
            <strong>Goal:</strong> {lab.goal}
          </p>
          <FlowDiagram id={`handout-${lab.id}`} flow={FLOWS[lab.id]} />
          <h3 className="font-semibold">Steps</h3>
          <ol className="list-decimal space-y-1 pl-6">
            {lab.steps.map((s) => (
              <li key={s.text}>
                {s.text}
                {s.href ? <span className="text-slate-600 dark:text-slate-400"> ({s.href})</span> : null}
              </li>
            ))}
          </ol>
          <h3 className="font-semibold">Checkpoints</h3>
          <ul className="space-y-1">
            {checkpointsFor(lab, isWorkshop()).map((c) => (
              <li key={c.id}>
                ☐ {c.label}{" "}
                <span className="text-slate-600 dark:text-slate-400">(detected from {c.detectedBy})</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
