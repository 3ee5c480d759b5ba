/**
 * .prettierrc.json of the generated package: the style every emitted file is printed in (and the
 * runtime's), so `prettier --check` passes on a fresh SDK and a user's formatter keeps it as is.
 */
export const PRETTIER_CONFIG = { singleQuote: true, printWidth: 120, trailingComma: 'all' } as const;

export function emitPrettierConfig(): string {
  return `${JSON.stringify(PRETTIER_CONFIG, null, 2)}\n`;
}

/**
 * .prettierignore of the generated package: test/cases.json only. It is data, one case per line on
 * purpose so a regeneration's diff names the operations whose tests changed; prettier would break
 * every case over dozens of lines (GitHub's file is 2.5 MB). Code and docs are all printed clean.
 */
export function emitPrettierIgnore(casesFile: string): string {
  return `# Generated test data, one case per line so diffs stay readable (see sdkgen docs/types.md "Output style").\n${casesFile}\n`;
}
