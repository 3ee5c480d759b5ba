/**
 * Is this an OpenAPI document we read, and which version? Answered before anything else reads
 * the document, so every later stage can trust its top-level shape.
 */
import { InputError, type SourceLocation } from '../types.js';
import type { ParsedSource } from './parse.js';
import { isObject } from '../lib/json-pointer.js';

export type SpecVersion = '2.0' | '3.0' | '3.1';

const SUPPORTED = 'sdkgen reads OpenAPI 3.0.x, 3.1.x and Swagger 2.0';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function detectVersion(source: ParsedSource): SpecVersion {
  const value = source.value;
  // Only on error: for JSON, locating re-parses the whole file.
  const top = () => source.locate('') ?? { file: source.id, line: 1, col: 1 };
  if (!isObject(value)) {
    throw new InputError(`not an OpenAPI document: the top level is ${describe(value)}, not a mapping`, {
      location: top(),
      hint: `${SUPPORTED}; is this the right file?`,
    });
  }
  if ('swagger' in value) {
    const declared = value.swagger;
    if (declared === '2.0' || declared === 2) return '2.0';
    throw unsupported(`swagger: ${String(declared)}`, source.locate('/swagger'), '/swagger');
  }
  if (!('openapi' in value)) {
    throw new InputError('not an OpenAPI document: it has no `openapi` or `swagger` field at the top level', {
      location: top(),
      hint: `${SUPPORTED}; is this the right file? An OpenAPI document starts with e.g. openapi: 3.1.0`,
    });
  }
  const declared = value.openapi;
  // YAML reads an unquoted `3.1` as a number; accept it, but `3.0` has already become 3.
  const text = typeof declared === 'number' ? String(declared) : declared;
  if (typeof text === 'string') {
    if (/^3\.0(\.\d+)?$/.test(text)) return normalize(value, text, '3.0');
    if (/^3\.1(\.\d+)?$/.test(text)) return normalize(value, text, '3.1');
  }
  throw unsupported(
    `openapi: ${String(declared)}`,
    source.locate('/openapi'),
    '/openapi',
    typeof declared === 'number',
  );
}

function normalize(document: Record<string, unknown>, text: string, version: SpecVersion): SpecVersion {
  document.openapi = text;
  return version;
}

function unsupported(
  declared: string,
  location: SourceLocation | undefined,
  pointer: string,
  numeric = false,
): InputError {
  const hint = numeric
    ? 'quote the version so YAML keeps it as text, e.g. openapi: "3.0.3"'
    : /^openapi: 3\.2/.test(declared)
      ? `${SUPPORTED}; a 3.2 document that uses no 3.2 features can declare openapi: 3.1.1`
      : `${SUPPORTED}; convert the document to one of these versions`;
  return new InputError(`unsupported OpenAPI version (${declared})`, { location, pointer, hint });
}

/**
 * The fields every later stage relies on: `info.title` and `info.version` (required by every
 * OpenAPI version) and `paths` being a mapping when present.
 */
export function checkTopLevelShape(
  document: Record<string, unknown>,
  locate: (pointer: string) => SourceLocation | undefined,
): void {
  const info = document.info;
  if (!isObject(info)) {
    throw new InputError('the document has no `info` mapping', {
      location: locate(''),
      pointer: '/info',
      hint: 'add info: { title: My API, version: 1.0.0 } at the top level',
    });
  }
  for (const field of ['title', 'version'] as const) {
    const value = info[field];
    // YAML turns `version: 1.0` into the number 1; its text is what the author meant.
    if (typeof value === 'number') info[field] = String(value);
    else if (typeof value !== 'string') {
      throw new InputError(`info.${field} is missing or not a string`, {
        location: locate(value === undefined ? '/info' : `/info/${field}`),
        pointer: `/info/${field}`,
        hint: `set info.${field}, e.g. ${field === 'title' ? 'title: Pet Store' : 'version: "1.0.0"'}`,
      });
    }
  }
  if (document.paths !== undefined && !isObject(document.paths)) {
    throw new InputError('`paths` must be a mapping of path templates to path items', {
      location: locate('/paths'),
      pointer: '/paths',
      hint: 'write paths as e.g. paths: { /pets: { get: ... } }',
    });
  }
}
