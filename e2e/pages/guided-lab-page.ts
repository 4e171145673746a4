import { expect, type Locator, type Page } from "@playwright/test";
import { checkpointsFor, labById } from "../../lib/labs/catalog";
import type { Lab } from "../../lib/labs/types";

/**
 * /labs/<id>, one guided lab: its live checkpoint list (features/labs/live-checkpoints.tsx polls
 * the server every 2 s). A checkpoint is a list item named by its label; done or not is said to
 * screen readers as "(reached)" / "(not yet)", which is what these assertions read.
 */
export class GuidedLabPage {
  readonly checkpoints: Locator;

  constructor(readonly page: Page) {
    this.checkpoints = page.getByRole("main").getByRole("list", { name: "Checkpoints" });
  }

  /** The lab's catalog entry (lib/labs/catalog-*.ts): the one source of its checkpoint ids and labels. */
  static lab(id: string): Lab {
    const lab = labById(id);
    if (!lab) throw new Error(`no lab called ${id}`);
    return lab;
  }

  /** The checkpoint ids that count in a workshop (the solo-only ones, like beyond:cli, are not shown). */
  static workshopCheckpoints(lab: string): string[] {
    return checkpointsFor(GuidedLabPage.lab(lab), true).map((c) => c.id);
  }

  async goto(lab: string): Promise<void> {
    await this.page.goto(`/labs/${lab}`);
    await expect(this.checkpoints).toBeVisible();
  }

  checkpoint(id: string): Locator {
    const lab = GuidedLabPage.lab(id.split(":")[0] ?? "");
    const label = lab.checkpoints.find((c) => c.id === id)?.label;
    if (!label) throw new Error(`no checkpoint ${id} in lab ${lab.id}`);
    return this.checkpoints.getByRole("listitem").filter({ hasText: label });
  }

  /** Waits (no reload: the page polls) until each checkpoint shows as reached. */
  async expectReached(...ids: string[]): Promise<void> {
    for (const id of ids) await expect(this.checkpoint(id), id).toContainText("(reached)");
  }

  async expectNotReached(...ids: string[]): Promise<void> {
    for (const id of ids) await expect(this.checkpoint(id), id).toContainText("(not yet)");
  }
}
