import type { Locator, Page, Response } from "@playwright/test";
import { Header } from "./header";

/** `/`, "Where does the state live?": one panel (a named <section>) per place state can live. */
export class LabPage {
  readonly header: Header;
  readonly summary: Locator;
  readonly browserPanel: Locator;
  readonly tokenPanel: Locator;
  readonly serverPanel: Locator;
  readonly requestPanel: Locator;
  /** What `document.cookie` shows to scripts: a client island, so it has a test id. */
  readonly documentCookie: Locator;

  constructor(readonly page: Page) {
    this.header = new Header(page);
    const main = page.getByRole("main");
    this.summary = main.locator("p[aria-live]");
    this.browserPanel = main.getByRole("region", { name: "Browser", exact: true });
    this.tokenPanel = main.getByRole("region", { name: "Token", exact: true });
    this.serverPanel = main.getByRole("region", { name: "Server", exact: true });
    this.requestPanel = main.getByRole("region", { name: "This request", exact: true });
    this.documentCookie = page.getByTestId("document-cookie");
  }

  async goto(path = "/"): Promise<Response | null> {
    return this.page.goto(path);
  }

  /** The Browser panel's table row for one cookie (name plus the attributes the server set). */
  cookieRow(name: string): Locator {
    return this.browserPanel.getByRole("row").filter({ hasText: name });
  }

  /** The timed steps the server took to trust (or refuse) this request's credential. */
  traceSteps(): Locator {
    return this.requestPanel.getByRole("listitem");
  }
}
