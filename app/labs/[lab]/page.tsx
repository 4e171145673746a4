import { notFound } from "next/navigation";
import { chooseAction, decodeTokenAction, mintTokenAction } from "@/features/labs/actions";
import { ChoiceForm } from "@/features/labs/choices";
import { Decoder } from "@/features/labs/decoder";
import { LabView } from "@/features/labs/lab-view";
import type { ChoiceState, DecodeState, LabAction, MintState } from "@/features/labs/types";
import { Card, Mono } from "@/features/ui/card";
import { getAuthState } from "@/lib/auth/state";
import { STRATEGIES, STRATEGY_LABELS } from "@/lib/auth/strategy";
import { checkpointsFor, labById } from "@/lib/labs/catalog";
import { SCENARIO_IDS, SCENARIOS } from "@/lib/labs/choices";
import { reachedCheckpoints } from "@/lib/labs/evaluate";
import { labUserId } from "@/lib/labs/who";
import { isWorkshop } from "@/lib/room/mode";

// The guard passes the handlers' richer results through unchanged (features/labs/types.ts).
const decode = decodeTokenAction as unknown as LabAction<DecodeState>;
const mint = mintTokenAction as unknown as LabAction<MintState>;
const choose = chooseAction as unknown as LabAction<ChoiceState>;

export async function generateMetadata({ params }: { params: Promise<{ lab: string }> }) {
  const lab = labById((await params).lab);
  return { title: `${lab?.title ?? "Lab"} · Labs · Session Lab` };
}

export default async function LabPage({ params }: { params: Promise<{ lab: string }> }) {
  const lab = labById((await params).lab);
  if (!lab) notFound();
  const { scope, verdict, user } = await getAuthState();
  const userId = await labUserId(scope, verdict);
  const reached = userId ? await reachedCheckpoints(userId) : new Set<string>();
  const checkpoints = checkpointsFor(lab, isWorkshop()).map((c) => ({
    id: c.id,
    label: c.label,
    detectedBy: c.detectedBy,
    done: reached.has(c.id),
  }));
  const modes = STRATEGIES.map((s) => ({ value: s, label: STRATEGY_LABELS[s] }));
  return (
    <LabView lab={lab} checkpoints={checkpoints} signedIn={Boolean(userId)}>
      {lab.id === "jwt" ? (
        <Card
          id="decoder"
          title="Decoder"
          subtitle="The server decodes what you paste and says what its key adds. Nothing pasted is stored."
        >
          {user ? <Decoder decode={decode} mint={mint} /> : <p>Sign in to use the decoder.</p>}
        </Card>
      ) : null}
      {lab.id === "browser" ? (
        <Card id="xss" title="The XSS demo">
          <p>
            <a href="/labs/browser/xss/demo" className="text-blue-700 underline dark:text-blue-400">
              Open the deliberately vulnerable page
            </a>{" "}
            (same site, clearly marked). Its comment box is pre-filled with a script that sends{" "}
            <Mono>localStorage</Mono> and <Mono>document.cookie</Mono> back to this server only.
          </p>
        </Card>
      ) : null}
      {lab.id === "choose" ? (
        <Card id="choices" title="Your choices">
          {user ? (
            <div className="grid gap-4 md:grid-cols-3">
              {SCENARIO_IDS.map((s) => (
                <ChoiceForm
                  key={s}
                  action={choose}
                  scenario={s}
                  title={SCENARIOS[s].title}
                  need={SCENARIOS[s].need}
                  modes={modes}
                />
              ))}
            </div>
          ) : (
            <p>Sign in to submit your choices.</p>
          )}
        </Card>
      ) : null}
    </LabView>
  );
}
