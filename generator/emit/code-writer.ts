/**
 * The layout of generated resource and client files, as plain strings: two-space indent, `\n`
 * newlines. These files were printed with ts-morph, which loaded its own copy of TypeScript and
 * parsed every file it printed (~0.9 s of a ~4 s run on GitHub's spec) to lay out text we already
 * write whole; the layout here is ts-morph's, so the output did not change by a byte.
 */

/** One level of indentation inside a class body. */
export const INDENT = '  ';

/**
 * Top-level statements (none blank), then the file's class: a blank line after a statement that
 * ends with a block (`}`) and before the class, otherwise a line break; one final newline.
 */
export function sourceFile(statements: readonly string[], classDeclaration: string): string {
  const parts: string[] = [];
  let previous: string | undefined;
  for (const statement of statements) {
    if (previous !== undefined) parts.push(separator(previous, 2));
    parts.push(statement);
    previous = statement;
  }
  if (previous !== undefined) parts.push(separator(previous, 2));
  parts.push(classDeclaration, '\n');
  // Joined once: appending to and re-reading one growing string is quadratic on big files.
  return parts.join('');
}

/** The newlines that make `previous` end with `wanted` of them (it may end with some already). */
function separator(previous: string, wanted: number): string {
  let have = 0;
  while (have < wanted && previous[previous.length - 1 - have] === '\n') have++;
  return '\n'.repeat(wanted - have);
}

/**
 * `<doc>export class ... {` with its member groups (properties, the constructor, each method),
 * already indented, a blank line between groups.
 */
export function classDeclaration(doc: string, header: string, memberGroups: readonly string[]): string {
  return `${doc}${header} {\n${memberGroups.join('\n\n')}\n}`;
}

/** A method or constructor body of one-line statements, at class-member depth. */
export function memberBody(statements: readonly string[]): string {
  return `{\n${statements.map((s) => `${INDENT}${INDENT}${s}\n`).join('')}${INDENT}}`;
}
