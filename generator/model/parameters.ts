/** Parameter Object -> ParameterModel, with path-item and operation parameters merged. */
import type { LoadedSpec } from '../types.js';
import type { ParameterLocation, ParameterStyle } from '../../runtime/descriptor.js';
import type { ParameterModel } from './ir.js';
import { inputError, isObject, joinPointer, type RefResolver } from './refs.js';

const LOCATIONS: ReadonlySet<string> = new Set(['path', 'query', 'header', 'cookie']);
const STYLES: ReadonlySet<string> = new Set(['matrix', 'label', 'simple', 'form', 'spaceDelimited', 'pipeDelimited', 'deepObject']);

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
    throw inputError(spec, resolved.pointer, `parameter ${JSON.stringify(p.name)} has invalid \`in\`: ${JSON.stringify(p.in)}`, 'use path, query, header or cookie');
  }
  const location = p.in as ParameterLocation;
  const style = typeof p.style === 'string' && STYLES.has(p.style) ? (p.style as ParameterStyle) : defaultStyle(location);
  const explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
  const contentType = isObject(p.content) ? Object.keys(p.content).sort()[0] : undefined;
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
  for (const p of readList(spec, refs, pathItemParams, joinPointer(pathItemPointer, 'parameters'))) merged.set(key(p), p);
  for (const p of readList(spec, refs, operationParams, joinPointer(operationPointer, 'parameters'))) merged.set(key(p), p);
  return [...merged.values()];
}
