import ts from "typescript";

/**
 * The design rule for server actions, checked on the syntax tree: in a "use server" file, every
 * exported binding is `export const X = publicAction(…) | userAction(…) | adminAction(…)`, with the
 * wrapper imported from lib/actions/guard.ts (a local function of the same name does not count).
 * Type-only exports are erased at build time and are allowed.
 */
const WRAPPERS = new Set(["publicAction", "userAction", "adminAction"]);
const GUARD = "@/lib/actions/guard";

function guardImports(source: ts.SourceFile): Set<string> {
  const local = new Set<string>();
  for (const s of source.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    if (s.moduleSpecifier.text !== GUARD || s.importClause?.isTypeOnly) continue;
    const named = s.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named)) continue;
    for (const el of named.elements) {
      const imported = (el.propertyName ?? el.name).text;
      if (WRAPPERS.has(imported) && !el.isTypeOnly) local.add(el.name.text);
    }
  }
  return local;
}

const exported = (s: ts.Statement) =>
  ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Each exported binding that is not built by a guard wrapper, as "file:line name". */
export function unguardedExports(source: ts.SourceFile): string[] {
  const wrappers = guardImports(source);
  const bad: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    bad.push(`${source.fileName}:${line + 1} ${what}`);
  };
  for (const s of source.statements) {
    if (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) continue;
    if (ts.isExportDeclaration(s)) {
      if (!s.isTypeOnly) report(s, "re-export");
      continue;
    }
    if (ts.isExportAssignment(s)) {
      report(s, "export default");
      continue;
    }
    if (!exported(s)) continue;
    if (!ts.isVariableStatement(s) || !(s.declarationList.flags & ts.NodeFlags.Const)) {
      report(s, "export that is not a const");
      continue;
    }
    for (const d of s.declarationList.declarations) {
      const init = d.initializer;
      const wrapped =
        init &&
        ts.isCallExpression(init) &&
        ts.isIdentifier(init.expression) &&
        wrappers.has(init.expression.text);
      if (!wrapped) report(d, d.name.getText(source));
    }
  }
  return bad;
}
