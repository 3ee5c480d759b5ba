/**
 * Turning arbitrary spec strings into safe TypeScript identifiers. Words are split by
 * change-case (the same library openapi-typescript uses), so `list-for-repo`, `list_for_repo`
 * and `listForRepo` all become `listForRepo`.
 */
import { camelCase, pascalCase, kebabCase } from 'change-case';
import { joinPluralAcronyms } from './words.js';

/** Words that cannot name a variable, parameter, class or type alias in strict-mode ES modules. */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'let',
  'static',
  'implements',
  'interface',
  'package',
  'private',
  'protected',
  'public',
  'await',
  'arguments',
  'eval',
  'undefined',
  'NaN',
  'Infinity',
]);

/** Names a type alias or class cannot take (TS2457 and friends). */
const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  'any',
  'unknown',
  'never',
  'string',
  'number',
  'boolean',
  'symbol',
  'object',
  'bigint',
  'undefined',
  'void',
  'null',
  'type',
  'as',
  'is',
  'keyof',
  'infer',
  'readonly',
  'unique',
  'asserts',
  'satisfies',
  'global',
  'require',
  'exports',
  'module',
]);

/**
 * Global names a generated type or class must not shadow: code in the same module (or a user's
 * code importing `*`) would silently get our type instead of the platform's.
 */
export const GLOBAL_NAMES: ReadonlySet<string> = new Set([
  'Object',
  'Function',
  'Array',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'BigInt',
  'Math',
  'JSON',
  'Date',
  'RegExp',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'Promise',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Proxy',
  'Reflect',
  'Record',
  'Partial',
  'Required',
  'Readonly',
  'Pick',
  'Omit',
  'Exclude',
  'Extract',
  'NonNullable',
  'ReturnType',
  'Awaited',
  'Iterable',
  'AsyncIterable',
  'Iterator',
  'AsyncIterator',
  'Uint8Array',
  'ArrayBuffer',
  'DataView',
  'File',
  'Blob',
  'FormData',
  'Headers',
  'Request',
  'Response',
  'URL',
  'URLSearchParams',
  'ReadableStream',
  'WritableStream',
  'AbortSignal',
  'AbortController',
  'TextEncoder',
  'TextDecoder',
  'Buffer',
  'NodeJS',
  'Body',
  'Event',
  'EventTarget',
  'Element',
  'Document',
  'Window',
  'Node',
  'Storage',
  'Location',
  'Text',
  'Image',
  'Option',
  'Audio',
  'Crypto',
  'Performance',
  'console',
  'process',
  'globalThis',
]);

/** Own names of Object.prototype: a member with one of these names breaks `in` checks and typing. */
export const OBJECT_PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;
const NOT_IDENTIFIER_PART = /[^\p{ID_Continue}$\u200c\u200d]/gu;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED_WORDS.has(name);
}

/** Keeps only identifier characters and makes the first one legal. Never returns ''. */
function repair(name: string, fallback: string): string {
  let cleaned = name.replace(NOT_IDENTIFIER_PART, '');
  if (cleaned === '') cleaned = fallback;
  if (!/^[\p{ID_Start}$_]/u.test(cleaned)) cleaned = `_${cleaned}`;
  return cleaned;
}

/** camelCase value/member identifier, e.g. `list-for-repo` -> `listForRepo`. */
export function toCamelIdentifier(raw: string, fallback = 'unnamed'): string {
  const name = repair(camelCase(joinPluralAcronyms(raw)), fallback);
  return RESERVED_WORDS.has(name) ? `${name}_` : name;
}

/**
 * camelCase class member name. Reserved words are legal member names (`client.repos.delete()`,
 * like Octokit), so they are kept; `constructor` and Object.prototype names are excluded by the
 * collision rules instead.
 */
export function toMemberIdentifier(raw: string, fallback = 'unnamed'): string {
  return repair(camelCase(joinPluralAcronyms(raw)), fallback);
}

/** PascalCase type/class identifier, e.g. `simple-user` -> `SimpleUser`. */
export function toPascalIdentifier(raw: string, fallback = 'Unnamed'): string {
  const name = repair(pascalCase(joinPluralAcronyms(raw)), fallback);
  return RESERVED_WORDS.has(name) || RESERVED_TYPE_NAMES.has(name) ? `${name}_` : name;
}

/** The raw string with only its illegal characters replaced: keeps `user` distinct from `User`. */
export function toVerbatimIdentifier(raw: string, fallback = 'unnamed'): string {
  const replaced = raw.replace(NOT_IDENTIFIER_PART, '_');
  const name = repair(replaced, fallback);
  return RESERVED_WORDS.has(name) || RESERVED_TYPE_NAMES.has(name) ? `${name}_` : name;
}

/**
 * An injective encoding of any string into an identifier: ASCII letters and digits stay, every
 * other code point (including `_`) becomes `_<hex>_`, and a leading `$` marks a leading digit or
 * the empty string. Two different inputs never give the same output, so it is the last resort of
 * every collision rule.
 */
export function encodeIdentifier(raw: string): string {
  let out = '';
  for (const char of raw) {
    out += /[A-Za-z0-9]/.test(char) ? char : `_${char.codePointAt(0)!.toString(16)}_`;
  }
  return out === '' || /^[0-9]/.test(out) ? `$${out}` : out;
}

/** Lowercase file-name stem, e.g. `codeScanning` -> `code-scanning`. */
export function toFileStem(name: string): string {
  const stem = kebabCase(name).replace(/[^a-z0-9-]/g, '');
  return stem === '' ? 'resource' : stem;
}

export function isReservedTypeName(name: string): boolean {
  return RESERVED_WORDS.has(name) || RESERVED_TYPE_NAMES.has(name);
}
