/**
 * .prettierrc.json of the generated package: the style every emitted file is printed in (and the
 * runtime's), so `prettier --check` passes on a fresh SDK and a user's formatter keeps it as is.
 */
export const PRETTIER_CONFIG = { singleQuote: true, printWidth: 120, trailingComma: 'all' } as const;

export function emitPrettierConfig(): string {
  return `${JSON.stringify(PRETTIER_CONFIG, null, 2)}\n`;
}
