import { NextResponse } from "next/server";
import { labById } from "@/lib/labs/catalog";
import { labStatuses } from "@/lib/labs/evaluate";
import { labViewer } from "@/lib/labs/request";

/**
 * A lab's checkpoints for whoever is asking, decided now from their own data. The lab page polls
 * it every couple of seconds, so checkpoints turn green without a reload.
 */
export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ lab: string }> }) {
  const { lab } = await ctx.params;
  if (!labById(lab))
    return NextResponse.json({ error: `There is no lab called “${lab.slice(0, 40)}”.` }, { status: 404 });
  const userId = await labViewer(req);
  if (!userId)
    return NextResponse.json(
      { signedIn: false, checkpoints: [] },
      { headers: { "cache-control": "no-store" } },
    );
  const status = (await labStatuses(userId)).find((s) => s.lab === lab);
  return NextResponse.json(
    { signedIn: true, checkpoints: status?.checkpoints ?? [] },
    { headers: { "cache-control": "no-store" } },
  );
}
