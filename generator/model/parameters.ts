/** Parameter Object -> ParameterModel, with path-item and operation parameters merged. */
import type { LoadedSpec } from '../types.js';
import type { ParameterLocation, ParameterStyle } from '../../runtime/descriptor.js';
import type { ParameterModel } from './ir.js';
import { isObject, joinPointer } from '../lib/json-pointer.js';
import { inputError, type RefResolver } from './refs.js';
import { toCamelIdentifier } from './identifiers.js';

const LOCATIONS: ReadonlySet<string> = new Set(['path', 'query', 'header', 'cookie']);
const STYLES: ReadonlySet<string> = new Set([
  'matrix',
  'label',
  'simple',
  'form',
  'spaceDelimited',
  'pipeDelimited',
  'deepObject',
]);

/** OpenAPI's defaults: form for query and cookie, simple for path and header. */
function defaultStyle(location: ParameterLocation): ParameterStyle {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

function readParameter(spec: LoadedSpec, refs: RefResolver, raw: unknown, pointer: string): ParameterModel {
  const resolved = refs.resolveObject(raw, pointer);
  if (!resolved) throw inputError(spec, pointer, 'a parameter must be an object');
  const p = resolved.value;
  if (typeof p.name !== 'string') throw inputError(spec, resolved.pointer, 'parameter without a string `name`');
  if (typeof p.in !== 'string' || !LOCATIONS.has(p.in)) {
    throw inputError(
      spec,
      resolved.pointer,
      `parameter ${JSON.stringify(p.name)} has invalid \`in\`: ${JSON.stringify(p.in)}`,
      'use path, query, header or cookie',
    );
  }
  const location = p.in as ParameterLocation;
  const style =
    typeof p.style === 'string' && STYLES.has(p.style) ? (p.style as ParameterStyle) : defaultStyle(location);
  const explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
  const contentType = isObject(p.content) ? Object.keys(p.content).sort()[0] : undefined;
  // The value's schema: `schema`, or the one of the `content` media type (a JSON-encoded param).
  const media = contentType !== undefined && isObject(p.content) ? p.content[contentType] : undefined;
  const schema = contentType !== undefined ? (isObject(media) ? media.schema : undefined) : p.schema;
  const schemaPointer =
    contentType !== undefined
      ? joinPointer(resolved.pointer, 'content', contentType, 'schema')
      : joinPointer(resolved.pointer, 'schema');
  return {
    name: p.name,
    in: location,
    style,
    explode,
    // Path parameters are always required, whatever the document says (OpenAPI 3, 4.8.12.1).
    required: location === 'path' ? true : p.required === true,
    ...(location === 'query' && p.allowReserved === true ? { allowReserved: true } : {}),
    ...(contentType !== undefined ? { contentType } : {}),
    ...(typeof p.description === 'string' ? { description: p.description } : {}),
    ...(p.deprecated === true ? { deprecated: true } : {}),
    ...(schema !== undefined ? { schema, schemaPointer } : {}),
    ...(p.example !== undefined ? { example: p.example } : {}),
  };
}

function readList(spec: LoadedSpec, refs: RefResolver, list: unknown, pointer: string): ParameterModel[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw inputError(spec, pointer, '`parameters` must be an array');
  return list.map((p, i) => readParameter(spec, refs, p, joinPointer(pointer, i)));
}

/**
 * Path-item parameters first, each replaced in place by an operation parameter with the same name
 * and location (the spec's override rule; generators that emit both produce duplicate properties),
 * then the operation's own. A duplicate within one list keeps the last declaration.
 */
export function mergeParameters(
  spec: LoadedSpec,
  refs: RefResolver,
  pathItemParams: unknown,
  pathItemPointer: string,
  operationParams: unknown,
  operationPointer: string,
): ParameterModel[] {
  const merged = new Map<string, ParameterModel>();
  const key = (p: ParameterModel) => `${p.in}\u0000${p.name}`;
  for (const p of readList(spec, refs, pathItemParams, joinPointer(pathItemPointer, 'parameters')))
    merged.set(key(p), p);
  for (const p of readList(spec, refs, operationParams, joinPointer(operationPointer, 'parameters')))
    merged.set(key(p), p);
  return withParameterKeys([...merged.values()]);
}

/** Which location keeps a shared name as its key: the path (it names the resource), then query, header, cookie. */
const LOCATION_PRECEDENCE: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

/**
 * The rule for one name in several locations (`GET /users/{id}?id=1`): the location first in
 * LOCATION_PRECEDENCE keeps the plain name, each other one is keyed `<location><Name>`
 * (`queryId`, `headerXRequestId`), with `_` appended while that key is another parameter's. The
 * key depends only on the operation's own parameters, so nothing elsewhere in the spec moves it.
 */
export function withParameterKeys(params: readonly ParameterModel[]): ParameterModel[] {
  const byName = new Map<string, ParameterModel[]>();
  for (const p of params) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  if ([...byName.values()].every((list) => list.length === 1)) return [...params];
  const taken = new Set(params.map((p) => p.name));
  const keys = new Map<ParameterModel, string>();
  for (const list of byName.values()) {
    if (list.length === 1) continue;
    const ordered = [...list].sort((a, b) => LOCATION_PRECEDENCE.indexOf(a.in) - LOCATION_PRECEDENCE.indexOf(b.in));
    for (const p of ordered.slice(1)) {
      let key = toCamelIdentifier(`${p.in} ${p.name}`);
      while (taken.has(key)) key = `${key}_`;
      taken.add(key);
      keys.set(p, key);
    }
  }
  return params.map((p) => (keys.has(p) ? { ...p, key: keys.get(p)! } : p));
}

/** The key a parameter has in the caller's params object. */
export const parameterKey = (p: ParameterModel): string => p.key ?? p.name;

/**
 * Parameters a caller cannot set: two sharing one params-object key, or one whose key a spread
 * (flat) body property also uses. The corpus report prints the total; withParameterKeys and the
 * body placement rule keep it at 0.
 */
export function countLostParameters(
  params: readonly ParameterModel[],
  flatBodyProperties: readonly string[] = [],
): number {
  const seen = new Set<string>(flatBodyProperties);
  let lost = 0;
  for (const p of params) {
    if (seen.has(parameterKey(p))) lost++;
    seen.add(parameterKey(p));
  }
  return lost;
}
