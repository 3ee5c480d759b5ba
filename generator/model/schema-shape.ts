/**
 * Just enough schema reading for the model's decisions (is a body a plain object, which of its
 * properties are files, where is the array in a paginated body). Types themselves are printed by
 * emit/schema-printer.ts; this never tries to be a type generator.
 */
import { isObject, joinPointer, type JsonObject } from '../lib/json-pointer.js';
import type { RefResolver } from './refs.js';

/** allOf nesting followed when collecting properties; deeper is treated as "not a plain object". */
const MAX_ALLOF_DEPTH = 16;

export interface ObjectShape {
  /** Property names in declaration order (allOf members in order), no duplicates. */
  readonly properties: readonly string[];
  readonly propertySchemas: ReadonlyMap<string, { value: unknown; pointer: string }>;
  /** `additionalProperties` or `patternProperties` allow keys we cannot list. */
  readonly open: boolean;
}

function typeIncludes(schema: JsonObject, type: string): boolean {
  return schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));
}

/**
 * The object shape of a schema when it is a plain object (properties, possibly via allOf); undefined
 * for arrays, primitives, and oneOf/anyOf unions (whose keys depend on the branch).
 */
export function objectShape(refs: RefResolver, schema: unknown, pointer: string): ObjectShape | undefined {
  const properties: string[] = [];
  const propertySchemas = new Map<string, { value: unknown; pointer: string }>();
  let open = false;
  const visit = (node: unknown, at: string, depth: number): boolean => {
    if (depth > MAX_ALLOF_DEPTH) return false;
    const resolved = refs.resolveObject(node, at);
    if (!resolved) return false;
    const s = resolved.value;
    if (s.oneOf !== undefined || s.anyOf !== undefined || s.not !== undefined) return false;
    if (s.type !== undefined && !typeIncludes(s, 'object')) return false;
    if (s.additionalProperties !== undefined && s.additionalProperties !== false) open = true;
    if (s.patternProperties !== undefined) open = true;
    if (isObject(s.properties)) {
      for (const name of Object.keys(s.properties)) {
        if (!propertySchemas.has(name)) properties.push(name);
        propertySchemas.set(name, {
          value: s.properties[name],
          pointer: joinPointer(resolved.pointer, 'properties', name),
        });
      }
    }
    if (Array.isArray(s.allOf)) {
      for (let i = 0; i < s.allOf.length; i++) {
        if (!visit(s.allOf[i], joinPointer(resolved.pointer, 'allOf', i), depth + 1)) return false;
      }
    }
    return s.type !== undefined || isObject(s.properties) || Array.isArray(s.allOf);
  };
  return visit(schema, pointer, 0) ? { properties, propertySchemas, open } : undefined;
}

export function isArraySchema(refs: RefResolver, schema: unknown, pointer: string): boolean {
  const resolved = refs.resolveObject(schema, pointer);
  return resolved !== undefined && typeIncludes(resolved.value, 'array');
}

/** A string schema carrying bytes: `format: binary` (3.0) or `contentMediaType` (3.1). */
export function isBinarySchema(refs: RefResolver, schema: unknown, pointer: string): boolean {
  const resolved = refs.resolveObject(schema, pointer);
  if (!resolved) return false;
  const s = resolved.value;
  if (typeIncludes(s, 'array') && s.items !== undefined)
    return isBinarySchema(refs, s.items, joinPointer(resolved.pointer, 'items'));
  return (
    (s.type === undefined || typeIncludes(s, 'string')) &&
    (s.format === 'binary' || typeof s.contentMediaType === 'string')
  );
}

/** `X` when the schema is exactly `{ $ref: '#/components/schemas/X' }`. */
export function componentSchemaName(schema: unknown): string | undefined {
  if (!isObject(schema) || typeof schema.$ref !== 'string') return undefined;
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref);
  if (!match) return undefined;
  return match[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
}
