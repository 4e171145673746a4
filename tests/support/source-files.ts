import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "./paths";

/** Every .ts/.tsx file under these repository folders (relative paths), for static design checks. */
export function sourceFiles(...dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(REPO_ROOT, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(child);
    }
  };
  for (const dir of dirs) walk(dir);
  return out.sort();
}

export function parse(file: string, text = readFileSync(path.join(REPO_ROOT, file), "utf8")): ts.SourceFile {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

/** A "use server" directive: a string-literal statement in the file's or a function's prologue. */
function isUseServer(statement: ts.Statement): boolean {
  return (
    ts.isExpressionStatement(statement) &&
    ts.isStringLiteral(statement.expression) &&
    statement.expression.text === "use server"
  );
}

function prologue(statements: ts.NodeArray<ts.Statement>): ts.Statement[] {
  const out: ts.Statement[] = [];
  for (const s of statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) break;
    out.push(s);
  }
  return out;
}

export function hasFileDirective(source: ts.SourceFile): boolean {
  return prologue(source.statements).some(isUseServer);
}

/** Functions with a "use server" of their own: inline server actions. */
export function inlineServerActions(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const body = (node as { body?: ts.Node }).body;
    if (ts.isFunctionLike(node) && body && ts.isBlock(body) && prologue(body.statements).some(isUseServer)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${source.fileName}:${line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Module specifiers a file imports or re-exports, dynamic imports included. */
export function importsOf(source: ts.SourceFile): string[] {
  return ts.preProcessFile(source.text, true, true).importedFiles.map((f) => f.fileName);
}
