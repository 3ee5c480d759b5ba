/**
 * How failures look: bad input is one located block the user can act on, never a stack trace;
 * an internal error says so and asks for a report.
 */
import { InputError } from '../types.js';
import { displayPath } from '../load/display-path.js';

/** Set to 1 to print stack traces of internal errors. */
export const DEBUG_ENV = 'SDKGEN_DEBUG';

/** A usage mistake on the command line (exit 2, like any bad input). */
export class UsageError extends InputError {}

export function formatInputError(error: InputError): string {
  const lines = [`error: ${error.message}`];
  const { location, pointer, hint } = error.details;
  if (location) {
    const at = `${displayPath(location.file)}:${location.line}:${location.col}`;
    lines.push(`  at ${at}${pointer ? ` (${pointer})` : ''}`);
  } else if (pointer) {
    lines.push(`  at ${pointer}`);
  }
  if (hint) lines.push(`  fix: ${hint}`);
  return lines.join('\n') + '\n';
}

export function formatInternalError(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = [
    `internal error: ${message}`,
    '  this is a bug in sdkgen, not in your spec: please report it with the command you ran and the',
    `  spec (or the smallest part of it that still fails). Run with ${DEBUG_ENV}=1 to see the stack trace.`,
  ];
  if (env[DEBUG_ENV] === '1' && error instanceof Error && error.stack) lines.push('', error.stack);
  return lines.join('\n') + '\n';
}

/** The error as JSON for --json (paths relative, like the text form). */
export function inputErrorJson(error: InputError): Record<string, unknown> {
  const { location, pointer, hint } = error.details;
  return {
    kind: 'input',
    message: error.message,
    ...(location && { location: { file: displayPath(location.file), line: location.line, col: location.col } }),
    ...(pointer !== undefined && { pointer }),
    ...(hint !== undefined && { hint }),
  };
}
