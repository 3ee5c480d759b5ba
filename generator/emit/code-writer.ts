/**
 * The layout of generated resource and client files, as plain strings: two-space indent, `\n`
 * newlines. These files were printed with ts-morph, which loaded its own copy of TypeScript and
 * parsed every file it printed (~0.9 s of a ~4 s run on GitHub's spec) to lay out text we already
 * write whole; the layout here is ts-morph's, so the output did not change by a byte.
 */

/** One level of indentation inside a class body. */
export const INDENT = '  ';

/** The line width of the SDK's style (.prettierrc.json): longer constructs are broken as prettier breaks them. */
export const PRINT_WIDTH = 120;

/**
 * `import { a, b } from 'x';` / `export type { a, b } from 'x';` on one line when it fits,
 * else one name per line with a trailing comma.
 */
export function namedList(head: string, names: readonly string[], tail: string): string {
  const line = `${head} { ${names.join(', ')} }${tail}`;
  if (line.length <= PRINT_WIDTH) return line;
  return `${head} {\n${names.map((n) => `${INDENT}${n},`).join('\n')}\n}${tail}`;
}

/**
 * A declaration's head and parameters, `<indent>head(a, b)tail`, without its ` {`: on one line when
 * the line fits with the brace, else one parameter per line with a trailing comma, as prettier breaks it
 * (none after a rest parameter: a comma there is a syntax error).
 */
export function signature(indent: string, head: string, params: readonly string[], tail: string): string {
  const line = `${indent}${head}(${params.join(', ')})${tail}`;
  if (line.length + 2 <= PRINT_WIDTH) return line;
  const lines = params.map((p) => `${indent}${INDENT}${p}${p.startsWith('...') ? '' : ','}`);
  return `${indent}${head}(\n${lines.join('\n')}\n${indent})${tail}`;
}

/** `<prefix> A | B;` on one line when it fits, else one `| member` per line under the prefix. */
export function unionDeclaration(prefix: string, members: readonly string[], indent = ''): string {
  const line = `${indent}${prefix} ${members.join(' | ')};`;
  if (line.length <= PRINT_WIDTH || members.length === 1) return line;
  return `${indent}${prefix}\n${members.map((m) => `${indent}${INDENT}| ${m}`).join('\n')};`;
}

/** Top-level statements (none blank), then the file's class, a blank line between each; one final newline. */
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
