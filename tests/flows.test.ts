import { expect, it } from "vitest";
import { FLOWS } from "@/features/labs/flows";

/**
 * The flow diagrams draw each box 150 units wide with 15-unit text: a line longer than 18
 * characters runs over the box's border (as "Database mode only" and "revoke, scale, clients" did).
 */
it("every line in every flow box fits the box", () => {
  const tooLong = Object.entries(FLOWS).flatMap(([lab, flow]) =>
    flow.nodes
      .flat()
      .filter((line) => line.length > 18)
      .map((line) => `${lab}: ${line}`),
  );
  expect(tooLong).toEqual([]);
});
