/** The shapes of a guided lab (pure types, safe in client components). */
export interface LabStep {
  text: string;
  /** Where the step is done. */
  href?: string;
  linkLabel?: string;
}

export interface LabCheckpoint {
  /** `<labId>:<step>`: the id the instructor console counts per lab. */
  id: string;
  label: string;
  /** How the server tells, in one sentence (shown under the checkpoint). */
  detectedBy: string;
  /** Only where this can be done: "solo" (a password account), or everywhere when absent. */
  only?: "solo";
}

export interface Lab {
  id: LabId;
  title: string;
  goal: string;
  steps: LabStep[];
  checkpoints: LabCheckpoint[];
}

export const LAB_IDS = ["state", "jwt", "revocation", "lifetimes", "browser", "beyond", "choose"] as const;
export type LabId = (typeof LAB_IDS)[number];

export function isLabId(v: unknown): v is LabId {
  return typeof v === "string" && (LAB_IDS as readonly string[]).includes(v);
}
