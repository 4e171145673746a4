import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { resultsSchema, type StoredResults } from "./schema";

export const RESULTS_FILE = "bench/results/latest.json";

/** The last `npm run bench` results, read at request time (a new run shows up without a rebuild). */
export async function latestResults(): Promise<
  { ok: true; results: StoredResults } | { ok: false; reason: string }
> {
  let text: string;
  try {
    text = await readFile(path.join(process.cwd(), RESULTS_FILE), "utf8");
  } catch {
    return { ok: false, reason: `No results yet: run \`npm run bench\` to write ${RESULTS_FILE}.` };
  }
  try {
    const parsed = resultsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { ok: true, results: parsed.data };
    return {
      ok: false,
      reason: `${RESULTS_FILE} is not in the shape this page reads: run \`npm run bench\` again.`,
    };
  } catch {
    return { ok: false, reason: `${RESULTS_FILE} is not valid JSON: run \`npm run bench\` again.` };
  }
}
