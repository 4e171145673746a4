import { describe, expect, it } from "vitest";
import { unguardedExports } from "./support/action-rules";
import { hasFileDirective, inlineServerActions, parse, sourceFiles } from "./support/source-files";

/**
 * Any exported function of a "use server" file is an endpoint anyone can POST to, with anything.
 * The design rule (docs/architecture.md): every one is built by publicAction, userAction or
 * adminAction, which check the form, the input and the caller before the action runs.
 */
const files = sourceFiles("app", "features").map((f) => parse(f));
const serverFiles = files.filter(hasFileDirective);

describe("server actions (design rule)", () => {
  it("finds the app's server-action files", () => {
    expect(serverFiles.map((f) => f.fileName)).toEqual(
      expect.arrayContaining(["features/sessions/actions.ts", "features/sessions/sign-out.ts"]),
    );
  });

  it("every export of a 'use server' file is built by publicAction, userAction or adminAction", () => {
    expect(serverFiles.flatMap(unguardedExports)).toEqual([]);
  });

  it("no component defines an inline server action (it would bypass the guard)", () => {
    expect(files.flatMap(inlineServerActions)).toEqual([]);
  });
});

describe("the rule's checker refuses what the rule forbids", () => {
  const check = (body: string) =>
    unguardedExports(
      parse(
        "fixture.ts",
        `"use server";\nimport { userAction, adminAction } from "@/lib/actions/guard";\n${body}`,
      ),
    );

  it("accepts guarded consts and type exports", () => {
    expect(check("export const a = userAction(s, f), b = adminAction(s, f);\nexport type T = 1;")).toEqual(
      [],
    );
  });

  it.each([
    ["a plain async function", "export async function leak(form: FormData) {}"],
    ["an unwrapped arrow", "export const leak = async () => {};"],
    ["a wrapper wrapped again", "export const leak = withLog(userAction(s, f));"],
    ["a let", "export let leak = userAction(s, f);"],
    ["a re-export", 'export { leak } from "./elsewhere";'],
    ["a default export", "export default async function () {}"],
    ["a look-alike wrapper", "const publicAction = (f: unknown) => f;\nexport const leak = publicAction(f);"],
  ])("refuses %s", (_label, body) => {
    expect(check(body)).not.toEqual([]);
  });

  it("finds inline 'use server' functions", () => {
    const source = parse(
      "page.tsx",
      'export default function P() { async function act() { "use server"; } return null; }',
    );
    expect(inlineServerActions(source)).toEqual(["page.tsx:1"]);
  });
});
