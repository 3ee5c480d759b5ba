/**
 * Size check for generator/ and runtime/: every function (declaration, method, arrow or function
 * expression, accessor, constructor) longer than 80 lines, and every file longer than 400 lines.
 *
 *   node --import tsx scripts/sizes.ts [--max-function 80] [--max-file 400] [dir ...]
 *
 * Lines are counted from the line the function starts on to the line it ends on, both included.
 * Prints one line per offender, longest first; exits 1 when a function is over the limit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';

const { values, positionals } = parseArgs({
  options: { 'max-function': { type: 'string', default: '80' }, 'max-file': { type: 'string', default: '400' } },
  allowPositionals: true,
});
const maxFunction = Number(values['max-function']);
const maxFile = Number(values['max-file']);
const roots = positionals.length > 0 ? positionals : ['generator', 'runtime'];

interface Sized {
  where: string;
  name: string;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function functionName(node: ts.Node, file: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name !== undefined) return named.name.getText(file);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(file);
  return '(anonymous)';
}

function lineOf(file: ts.SourceFile, position: number): number {
  return file.getLineAndCharacterOfPosition(position).line;
}

function longFunctions(path: string): Sized[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Sized[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body !== undefined) {
      const start = lineOf(file, node.getStart(file));
      const lines = lineOf(file, node.getEnd()) - start + 1;
      if (lines > maxFunction) found.push({ where: `${path}:${start + 1}`, name: functionName(node, file), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Lines as `wc -l` counts them, plus a last line without a newline. */
function lineCount(text: string): number {
  const breaks = text.split('\n').length - 1;
  return text === '' || text.endsWith('\n') ? breaks : breaks + 1;
}

const files = roots.flatMap(sourceFiles).sort();
const functions = files.flatMap(longFunctions).sort((a, b) => b.lines - a.lines);
const bigFiles = files
  .map((path) => ({ path, lines: lineCount(readFileSync(path, 'utf8')) }))
  .filter((f) => f.lines > maxFile)
  .sort((a, b) => b.lines - a.lines);

console.log(`Functions over ${maxFunction} lines: ${functions.length}`);
for (const f of functions) console.log(`  ${String(f.lines).padStart(4)}  ${f.name}  ${relative('.', f.where)}`);
console.log(`Files over ${maxFile} lines: ${bigFiles.length}`);
for (const f of bigFiles) console.log(`  ${String(f.lines).padStart(4)}  ${relative('.', f.path)}`);
process.exitCode = functions.length > 0 ? 1 : 0;
