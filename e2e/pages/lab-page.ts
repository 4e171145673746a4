import type { Locator, Page, Response } from "@playwright/test";
import { Header } from "./header";

/** `/`, "Where does the state live?": one panel (a named <section>) per place state can live. */
export class LabPage {
  readonly header: Header;
  /** "Signed in as … with a … session." / "Not signed in.": the status line under the title. */
  readonly summary: Locator;
  readonly browserPanel: Locator;
  readonly tokenPanel: Locator;
  /** JWT modes: "Made with key k1 (the header's kid is that key's thumbprint) · expires …". */
  readonly tokenKey: Locator;
  readonly serverPanel: Locator;
  readonly requestPanel: Locator;
  /** What `document.cookie` shows to scripts: a client island, so it has a test id. */
  readonly documentCookie: Locator;

  constructor(readonly page: Page) {
    this.header = new Header(page);
    const main = page.getByRole("main");
    this.summary = main.getByRole("status");
    this.browserPanel = main.getByRole("region", { name: "Browser", exact: true });
    this.tokenPanel = main.getByRole("region", { name: "Token", exact: true });
    this.tokenKey = this.tokenPanel.getByText("Made with key");
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

  /** The id of the key that decrypted this request's token ("k1", "k2", …). */
  async tokenKeyId(): Promise<string> {
    const text = (await this.tokenKey.textContent()) ?? "";
    const id = /Made with key (k\d+)/.exec(text)?.[1];
    if (!id) throw new Error(`no key id in "${text}"`);
    return id;
  }
}
