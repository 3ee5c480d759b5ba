/**
 * Prints JSON-shaped data as a TypeScript object literal: keys in the order given (callers sort
 * what should be sorted), strings through stringLiteral, two-space indentation. Deterministic.
 */
import { objectLiteralKey, stringLiteral } from './escape.js';
import { OBJECT_PROTOTYPE_NAMES } from '../model/identifiers.js';

export type LiteralValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | Expression
  | readonly LiteralValue[]
  | { readonly [key: string]: LiteralValue };

/** Code printed as is: for the few values that are not data (a loader function). Never from the spec. */
export class Expression {
  constructor(readonly code: string) {}
}

const INDENT = '  ';
/** Arrays and objects this short stay on one line, which keeps the descriptor table readable. */
const INLINE_MAX_CHARS = 80;

export function printLiteral(value: LiteralValue, depth = 0): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot print non-finite number ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Expression) return value.code;
  const pad = INDENT.repeat(depth + 1);
  const close = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => printLiteral(v, depth + 1));
    const inline = `[${items.join(', ')}]`;
    if (inline.length <= INLINE_MAX_CHARS && !inline.includes('\n')) return inline;
    return `[\n${items.map((i) => `${pad}${i},`).join('\n')}\n${close}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: LiteralValue }).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  // tsc types a property named like an Object.prototype member (`hasOwnProperty`, `toString`)
  // from that member, not from the index signature: its string literals widen to `string` and
  // no longer fit the descriptor's unions. `as const` keeps them literal (descriptors are readonly).
  const printValue = (k: string, v: LiteralValue) =>
    `${printLiteral(v, depth + 1)}${OBJECT_PROTOTYPE_NAMES.has(k) && v !== null && typeof v === 'object' ? ' as const' : ''}`;
  const printed = entries.map(([k, v]) => `${objectLiteralKey(k)}: ${printValue(k, v)}`);
  const inline = `{ ${printed.join(', ')} }`;
  if (inline.length <= INLINE_MAX_CHARS && !inline.includes('\n')) return inline;
  return `{\n${entries.map(([k, v]) => `${pad}${objectLiteralKey(k)}: ${printValue(k, v)},`).join('\n')}\n${close}}`;
}

/**
 * JSON text in printLiteral's layout (short arrays and objects on one line), for data that is
 * parsed at runtime rather than type-checked: keys and strings JSON-quoted, undefined left out.
 */
export function printJson(value: LiteralValue, depth = 0): string {
  if (value === undefined || value instanceof Expression) throw new Error('printJson takes JSON data only');
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error(`cannot print non-finite number ${value}`);
    return JSON.stringify(value);
  }
  const pad = INDENT.repeat(depth + 1);
  const close = INDENT.repeat(depth);
  const items = Array.isArray(value)
    ? (value as readonly LiteralValue[]).map((v) => printJson(v, depth + 1))
    : Object.entries(value as { readonly [key: string]: LiteralValue })
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${JSON.stringify(k)}: ${printJson(v, depth + 1)}`);
  const [open, end] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return `${open}${end}`;
  const inline = Array.isArray(value) ? `[${items.join(', ')}]` : `{ ${items.join(', ')} }`;
  if (inline.length <= INLINE_MAX_CHARS && !inline.includes('\n')) return inline;
  return `${open}\n${items.map((i) => `${pad}${i}`).join(',\n')}\n${close}${end}`;
}
