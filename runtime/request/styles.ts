/**
 * OpenAPI parameter serialisation: `style` x `explode` for path, query, header and cookie
 * parameters, exactly as the spec's style-examples table shows
 * (https://spec.openapis.org/oas/v3.1.0#style-examples), which is RFC 6570 underneath.
 *
 * Rules shared by every style (RFC 6570 §2.3 / §3.2.1):
 * - An empty array or object is "undefined": the parameter is left out entirely.
 * - `null`/`undefined` items of an array or values of an object are skipped.
 * - An empty string is defined: `color=` (form), `;color` (matrix), `.` (label).
 * - A Date becomes its ISO 8601 string (the `date-time` format); a nested object or array inside
 *   a non-deepObject value is sent as JSON rather than the useless `[object Object]`.
 */
import type { ParameterDescriptor } from '../descriptor.js';

/** Encodes one literal (a name, a key or a value) for the location it goes to. */
export type Encoder = (raw: string) => string;

/** Header values are not percent-encoded (they are not part of a URI). */
export const identityEncoder: Encoder = (raw) => raw;

type Shape =
  | { readonly kind: 'primitive'; readonly value: string }
  | { readonly kind: 'array'; readonly items: readonly string[] }
  | { readonly kind: 'object'; readonly entries: ReadonlyArray<readonly [string, string]> };

/** The string form of one scalar. */
export function scalarToString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Classifies a parameter value; `undefined` when RFC 6570 treats it as undefined (omit it). */
export function shapeOf(value: unknown): Shape | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) if (item !== undefined && item !== null) items.push(scalarToString(item));
    return items.length === 0 ? undefined : { kind: 'array', items };
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    const entries: Array<[string, string]> = [];
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined && item !== null) entries.push([key, scalarToString(item)]);
    }
    return entries.length === 0 ? undefined : { kind: 'object', entries };
  }
  return { kind: 'primitive', value: scalarToString(value) };
}

function joinEncoded(values: readonly string[], encode: Encoder, separator: string): string {
  let out = '';
  for (let i = 0; i < values.length; i++) out += (i === 0 ? '' : separator) + encode(values[i]);
  return out;
}

function flattenEntries(entries: ReadonlyArray<readonly [string, string]>): string[] {
  const flat: string[] = [];
  for (const [key, value] of entries) flat.push(key, value);
  return flat;
}

function joinPairs(
  entries: ReadonlyArray<readonly [string, string]>,
  encode: Encoder,
  kv: string,
  separator: string,
): string {
  let out = '';
  for (let i = 0; i < entries.length; i++) {
    out += (i === 0 ? '' : separator) + encode(entries[i][0]) + kv + encode(entries[i][1]);
  }
  return out;
}

/**
 * Path parameter (simple, label or matrix). Returns the text that replaces `{name}`; '' when the
 * value is undefined per RFC 6570 (the caller checks required-ness before).
 */
export function serializePathParam(param: ParameterDescriptor, value: unknown, encode: Encoder): string {
  const shape = shapeOf(value);
  if (shape === undefined) return '';
  const { style, explode } = param;
  if (style === 'label') {
    if (shape.kind === 'primitive') return `.${encode(shape.value)}`;
    if (shape.kind === 'array') return `.${joinEncoded(shape.items, encode, explode ? '.' : ',')}`;
    return explode
      ? `.${joinPairs(shape.entries, encode, '=', '.')}`
      : `.${joinEncoded(flattenEntries(shape.entries), encode, ',')}`;
  }
  if (style === 'matrix') {
    const name = encode(param.name);
    if (shape.kind === 'primitive') return shape.value === '' ? `;${name}` : `;${name}=${encode(shape.value)}`;
    // Exploded members follow RFC 6570's `;` rule too: an empty member is `;name`, not `;name=`.
    if (shape.kind === 'array') {
      if (!explode) return `;${name}=${joinEncoded(shape.items, encode, ',')}`;
      let out = '';
      for (const item of shape.items) out += item === '' ? `;${name}` : `;${name}=${encode(item)}`;
      return out;
    }
    if (!explode) return `;${name}=${joinEncoded(flattenEntries(shape.entries), encode, ',')}`;
    let out = '';
    for (const [key, item] of shape.entries) out += item === '' ? `;${encode(key)}` : `;${encode(key)}=${encode(item)}`;
    return out;
  }
  return serializeSimple(shape, explode, encode);
}

function serializeSimple(shape: Shape, explode: boolean, encode: Encoder): string {
  if (shape.kind === 'primitive') return encode(shape.value);
  if (shape.kind === 'array') return joinEncoded(shape.items, encode, ',');
  return explode ? joinPairs(shape.entries, encode, '=', ',') : joinEncoded(flattenEntries(shape.entries), encode, ',');
}

/** Header parameter (style simple): the header value, or undefined to omit the header. */
export function serializeHeaderParam(param: ParameterDescriptor, value: unknown): string | undefined {
  const shape = shapeOf(value);
  return shape === undefined ? undefined : serializeSimple(shape, param.explode, identityEncoder);
}

/**
 * Query parameter (form, spaceDelimited, pipeDelimited, deepObject): the `k=v&k=v` fragment
 * (already encoded, no leading '&'), or '' to omit it.
 */
export function serializeQueryParam(param: ParameterDescriptor, value: unknown, encode: Encoder): string {
  if (
    param.style === 'deepObject' &&
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Date)
  ) {
    return serializeDeepObject(encode(param.name), value as Record<string, unknown>, encode);
  }
  const shape = shapeOf(value);
  if (shape === undefined) return '';
  const name = encode(param.name);
  if (shape.kind === 'primitive') return `${name}=${encode(shape.value)}`;
  // spaceDelimited / pipeDelimited only differ from form when not exploded (the table has no
  // exploded rows for them; OAS 3.1.1 says they then behave like form).
  const separator = param.explode ? undefined : DELIMITER_BY_STYLE[param.style];
  if (shape.kind === 'array') {
    if (separator !== undefined) return `${name}=${joinEncoded(shape.items, encode, separator)}`;
    let out = '';
    for (let i = 0; i < shape.items.length; i++) out += `${i === 0 ? '' : '&'}${name}=${encode(shape.items[i])}`;
    return out;
  }
  if (separator !== undefined) return `${name}=${joinEncoded(flattenEntries(shape.entries), encode, separator)}`;
  return joinPairs(shape.entries, encode, '=', '&');
}

/** Literal delimiters from the style-examples table (`blue%20black`, `blue|black`). */
const DELIMITER_BY_STYLE: Readonly<Record<string, string>> = {
  form: ',',
  spaceDelimited: '%20',
  pipeDelimited: '|',
  deepObject: ',',
};

/**
 * deepObject: `color[R]=100&color[G]=200`. The spec leaves nesting undefined; we follow the
 * convention servers (Rails, qs, Express) parse: `a[b][c]=1`, arrays as repeated `a[b]=1&a[b]=2`.
 * Brackets stay literal, as in the spec's table.
 */
function serializeDeepObject(prefix: string, value: Record<string, unknown>, encode: Encoder): string {
  const parts: string[] = [];
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined || item === null) continue;
    const name = `${prefix}[${encode(key)}]`;
    if (Array.isArray(item)) {
      for (const element of item)
        if (element !== undefined && element !== null) parts.push(`${name}=${encode(scalarToString(element))}`);
    } else if (typeof item === 'object' && !(item instanceof Date)) {
      const nested = serializeDeepObject(name, item as Record<string, unknown>, encode);
      if (nested !== '') parts.push(nested);
    } else {
      parts.push(`${name}=${encode(scalarToString(item))}`);
    }
  }
  return parts.join('&');
}

/** Cookie parameter (style form): name/value pairs with encoded values; [] to omit. */
export function serializeCookieParam(
  param: ParameterDescriptor,
  value: unknown,
  encode: Encoder,
): Array<[string, string]> {
  const shape = shapeOf(value);
  if (shape === undefined) return [];
  if (shape.kind === 'primitive') return [[param.name, encode(shape.value)]];
  if (shape.kind === 'array') {
    if (!param.explode) return [[param.name, joinEncoded(shape.items, encode, ',')]];
    return shape.items.map((item) => [param.name, encode(item)]);
  }
  if (!param.explode) return [[param.name, joinEncoded(flattenEntries(shape.entries), encode, ',')]];
  return shape.entries.map(([key, item]) => [key, encode(item)]);
}
