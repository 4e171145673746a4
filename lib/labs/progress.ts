import "server-only";
import { labStatuses } from "./evaluate";

export interface LabProgress {
  lab: string;
  title: string;
  done: number;
  total: number;
}

/** Lab progress for one participant, for the instructor console: per lab, checkpoints done of total. */
export async function labProgress(userId: string): Promise<LabProgress[]> {
  const statuses = await labStatuses(userId);
  return statuses.map((s) => ({
    lab: s.lab,
    title: s.title,
    done: s.checkpoints.filter((c) => c.done).length,
    total: s.checkpoints.length,
  }));
}
