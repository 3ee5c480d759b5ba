/**
 * An OpenAPI Schema Object -> a JSON Schema 2020-12 schema ajv can check responses against.
 *
 * The walk follows schema keywords only (never into `example`, `default`, `enum` or `const` data)
 * and makes the few changes that response checking needs:
 * - 3.0 `nullable: true` (and Swagger's `x-nullable`) -> `null` added to `type` and `enum`, or
 *   `anyOf: [schema, {type: 'null'}]` when the schema has no plain type (a `$ref`, an `allOf`).
 * - 3.0 boolean `exclusiveMinimum`/`exclusiveMaximum` -> the numeric 2020-12 form.
 * - 3.0 `$ref` siblings are ignored, as 3.0 says (only `nullable` is honoured, as tools do).
 * - `oneOf` -> `anyOf`: specs use oneOf for unions whose members overlap (GitHub's do), and the
 *   SDK types them as plain unions; exactly-one would reject valid bodies.
 * - `writeOnly` properties leave `required`: a server never sends them back.
 * - `$ref`s are rewritten by the caller's `ref` function (into the bundle's `$defs`).
 * - Annotations (description, examples, title, x-*) are dropped: they only make the bundle larger.
 */

import { isObject, setOwn } from '../lib/json-pointer.js';

export type RefRewriter = (ref: string) => string;

/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = new Set([
  'additionalProperties',
  'items',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
]);
/** Keywords whose value is an array of schemas. */
const SCHEMA_ARRAY_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);
/**
 * Annotations with no effect on validation, and identifiers that would move the base URI of the
 * rewritten refs (`$id`, `$schema`). `discriminator` is an annotation once oneOf is anyOf.
 */
const DROPPED_KEYWORDS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'externalDocs',
  'xml',
  'deprecated',
  'discriminator',
  'readOnly',
  'writeOnly',
  '$id',
  '$schema',
  '$comment',
  'nullable',
  'x-nullable',
]);

/** The seven JSON Schema types (OpenAPI 3.0 names the same ones). */
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

type Json = Record<string, unknown>;

/** Own-key assignment: a property named `__proto__` stays a property. */
const put = setOwn<unknown>;

export interface ConvertOptions {
  /** OpenAPI 3.0 (and upgraded 2.0): `$ref` siblings ignored, boolean exclusive bounds. */
  readonly openapi30: boolean;
  readonly ref: RefRewriter;
  /** Resolves a `$ref` (to see whether a referenced property is writeOnly). */
  readonly lookup: (ref: string) => unknown;
}

export function toJsonSchema(schema: unknown, options: ConvertOptions, depth = 0): unknown {
  if (typeof schema === 'boolean') return schema;
  // Not a schema (a spec mistake): accept anything rather than fail every response.
  if (!isObject(schema) || depth > MAX_DEPTH) return true;
  const nullable = schema.nullable === true || schema['x-nullable'] === true;
  let out: Json;
  if (typeof schema.$ref === 'string' && options.openapi30) {
    out = { $ref: options.ref(schema.$ref) };
  } else {
    out = {};
    let oneOf: unknown[] | undefined;
    for (const key of Object.keys(schema)) {
      const value = schema[key];
      if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
      if (key === '$ref' && typeof value === 'string') put(out, key, options.ref(value));
      else if (key === 'oneOf' && Array.isArray(value)) oneOf = value.map((s) => toJsonSchema(s, options, depth + 1));
      else if (SCHEMA_ARRAY_KEYWORDS.has(key) && Array.isArray(value))
        put(
          out,
          key,
          value.map((s) => toJsonSchema(s, options, depth + 1)),
        );
      else if (SCHEMA_KEYWORDS.has(key) && (isObject(value) || typeof value === 'boolean'))
        put(out, key, toJsonSchema(value, options, depth + 1));
      else if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) put(out, key, mapSchemas(value, options, depth));
      else if (key === 'type') {
        // Only JSON types: Swagger's `file` (binary, not JSON) and mistakes (`int`, `date`, objects) would stop ajv compiling.
        const types = (Array.isArray(value) ? value : [value]).filter(
          (t) => typeof t === 'string' && JSON_TYPES.has(t),
        );
        if (types.length > 0) put(out, key, Array.isArray(value) ? types : types[0]);
      } else put(out, key, value);
    }
    if (oneOf !== undefined) {
      // Both oneOf and anyOf: keep both constraints.
      if (Object.hasOwn(out, 'anyOf')) out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { anyOf: oneOf }];
      else out.anyOf = oneOf;
    }
    if (options.openapi30) convertExclusiveBounds(out);
    dropWriteOnlyRequired(schema, out, options);
  }
  return nullable ? withNull(out) : out;
}

/** Deeper than this is a document built to exhaust the stack; the rest is accepted unchecked. */
const MAX_DEPTH = 64;

function mapSchemas(map: Json, options: ConvertOptions, depth: number): Json {
  const out: Json = {};
  for (const name of Object.keys(map)) put(out, name, toJsonSchema(map[name], options, depth + 1));
  return out;
}

function convertExclusiveBounds(out: Json): void {
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[exclusive] !== 'boolean') continue;
    if (out[exclusive] === true && typeof out[bound] === 'number') {
      out[exclusive] = out[bound];
      delete out[bound];
    } else {
      delete out[exclusive];
    }
  }
}

function dropWriteOnlyRequired(schema: Json, out: Json, options: ConvertOptions): void {
  if (!Array.isArray(schema.required) || !isObject(schema.properties)) return;
  const properties = schema.properties;
  const writeOnly = (name: string): boolean => {
    if (!Object.hasOwn(properties, name)) return false;
    let property = properties[name];
    if (isObject(property) && typeof property.$ref === 'string') property = options.lookup(property.$ref);
    return isObject(property) && property.writeOnly === true;
  };
  const required = schema.required.filter((name) => typeof name === 'string' && !writeOnly(name));
  if (required.length === 0) delete out.required;
  else out.required = required;
}

/** The schema, also accepting null. */
function withNull(out: Json): Json {
  const type = out.type;
  const plain = !('$ref' in out) && !('allOf' in out) && !('anyOf' in out) && !('not' in out);
  if (plain && (typeof type === 'string' || Array.isArray(type))) {
    const types = Array.isArray(type) ? type : [type];
    const result: Json = { ...out, type: types.includes('null') ? types : [...types, 'null'] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) result.enum = [...out.enum, null];
    return result;
  }
  if (Object.keys(out).length === 0) return out; // Already accepts anything.
  return { anyOf: [out, { type: 'null' }] };
}
