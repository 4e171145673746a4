import { LABS_A } from "./catalog-a";
import { LABS_B } from "./catalog-b";
import type { Lab, LabCheckpoint } from "./types";

/**
 * The guided labs, in the order a session runs them. Pure data (no server imports), so pages,
 * the handout, the presenter view and client islands all read the same text. Each checkpoint is
 * decided on the server from the participant's own data (lib/labs/evaluate.ts), never ticked.
 */
export const LABS: readonly Lab[] = [...LABS_A, ...LABS_B];

export function labById(id: string): Lab | null {
  return LABS.find((l) => l.id === id) ?? null;
}

/** The checkpoints that count where the lab is run (a workshop has no password accounts). */
export function checkpointsFor(lab: Lab, workshop: boolean): LabCheckpoint[] {
  return lab.checkpoints.filter((c) => !(workshop && c.only === "solo"));
}

export function isCheckpointId(id: string): boolean {
  return LABS.some((l) => l.checkpoints.some((c) => c.id === id));
}
