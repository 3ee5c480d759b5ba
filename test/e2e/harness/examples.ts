/**
 * Call arguments built from a spec: for each operation, a value for every parameter and a request
 * body, taken from the spec's own examples wherever it has them (parameter `example`/`examples`,
 * media type `example`/`examples`, schema `example`, `default`, `enum`), else synthesised from the
 * schema (type, format, bounds, pattern). The values are valid by construction, so a Prism
 * violation on such a call is the SDK's serialisation, not the data.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

export interface BuiltCall {
  /** The flat params object of the SDK's calling convention. */
  readonly params: Record<string, unknown>;
  /** Where each value came from, e.g. `limit: example`, `body: synthesised`. */
  readonly sources: Readonly<Record<string, 'example' | 'synthesised'>>;
  /** Parameters that cannot be sent by any HTTP client (header names that are not tokens). */
  readonly unsendable: readonly string[];
}

/** An RFC 9110 token: what a header or cookie name may be. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export class SpecReader {
  constructor(private readonly document: Record<string, unknown>) {}

  /** Follows internal `$ref`s (the loader bundled everything else). */
  resolve<T = Schema>(node: unknown): T {
    let current = node as Schema;
    for (let hops = 0; current && typeof current.$ref === 'string' && hops < 32; hops += 1) {
      current = this.pointer(current.$ref as string) as Schema;
    }
    return current as T;
  }

  pointer(ref: string): unknown {
    if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref} left after bundling`);
    let node: unknown = this.document;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = (node as Record<string, unknown> | undefined)?.[key];
    }
    return node;
  }

  /** The operation object and its path item, by JSON pointer (`/paths/~1pets/get`). */
  operationAt(pointer: string): { op: Schema; pathItem: Schema } {
    const op = this.pointer(`#${pointer}`) as Schema;
    const pathItem = this.pointer(`#${pointer.slice(0, pointer.lastIndexOf('/'))}`) as Schema;
    return { op, pathItem };
  }

  /** Builds one call's arguments for the operation at `pointer`. */
  buildCall(
    pointer: string,
    body: { placement: 'flat' | 'body'; mediaType: string; binary: boolean; text: boolean } | undefined,
  ): BuiltCall {
    const { op, pathItem } = this.operationAt(pointer);
    const params: Record<string, unknown> = {};
    const sources: Record<string, 'example' | 'synthesised'> = {};
    const unsendable: string[] = [];
    const byKey = new Map<string, Schema>();
    for (const raw of [...((pathItem.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])]) {
      const param = this.resolve(raw);
      byKey.set(`${param.in}:${param.name}`, param); // operation-level wins
    }
    for (const param of byKey.values()) {
      const name = param.name as string;
      if ((param.in === 'header' || param.in === 'cookie') && !TOKEN.test(name)) {
        unsendable.push(`${param.in} ${JSON.stringify(name)}`);
        continue;
      }
      const schema = this.resolve(param.schema ?? this.firstContentSchema(param.content));
      const example = this.exampleOf(param) ?? this.exampleOf(schema);
      if (example !== undefined) {
        params[name] = example;
        sources[name] = 'example';
      } else {
        params[name] = this.synthesise(schema, 0, 'request');
        sources[name] = 'synthesised';
      }
      // Path parameters are one segment on the wire: never put a slash or an empty string there.
      if (
        param.in === 'path' &&
        (params[name] === '' || (typeof params[name] === 'string' && (params[name] as string).includes('/')))
      ) {
        params[name] = 'abc';
        sources[name] = 'synthesised';
      }
    }
    if (body && op.requestBody) {
      const requestBody = this.resolve(op.requestBody);
      const media = (requestBody.content as Record<string, Schema>)?.[body.mediaType] ?? {};
      const schema = this.resolve(media.schema ?? {});
      let value: unknown = this.exampleOf(media) ?? this.exampleOf(schema);
      sources.body = value === undefined ? 'synthesised' : 'example';
      if (value === undefined) value = this.synthesise(schema, 0, 'request');
      if (body.binary) value = Buffer.from(typeof value === 'string' ? value : 'binary payload');
      else if (body.text && typeof value !== 'string') value = String(value ?? 'text');
      if (
        body.placement === 'flat' &&
        value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        !Buffer.isBuffer(value)
      ) {
        Object.assign(params, value);
      } else {
        params.body = value;
      }
    }
    return { params, sources, unsendable };
  }

  private firstContentSchema(content: unknown): unknown {
    if (!content || typeof content !== 'object') return {};
    const first = Object.values(content as Record<string, Schema>)[0];
    return first?.schema ?? {};
  }

  /** `example`, else the first of `examples` (an OpenAPI Example object or a JSON Schema array). */
  exampleOf(node: Schema | undefined): Json | undefined {
    if (!node || typeof node !== 'object') return undefined;
    if (node.example !== undefined) return node.example as Json;
    const examples = node.examples;
    if (Array.isArray(examples) && examples.length > 0) return examples[0] as Json;
    if (examples && typeof examples === 'object') {
      for (const entry of Object.values(examples as Record<string, unknown>)) {
        const resolved = this.resolve<Schema>(entry);
        if (resolved && resolved.value !== undefined) return resolved.value as Json;
      }
    }
    return undefined;
  }

  /** A value valid against `schema`, preferring its examples, default and enum. */
  synthesise(input: unknown, depth: number, direction: 'request' | 'response'): Json {
    const schema = this.resolve(input) ?? {};
    const example = this.exampleOf(schema);
    if (example !== undefined) return example;
    if (schema.default !== undefined) return schema.default as Json;
    if (Array.isArray(schema.enum) && schema.enum.length > 0)
      return (schema.enum.find((v) => v !== null) ?? schema.enum[0]) as Json;
    if (schema.const !== undefined) return schema.const as Json;
    if (Array.isArray(schema.allOf)) {
      const merged: Record<string, Json> = {};
      let scalar: Json | undefined;
      for (const part of schema.allOf) {
        const value = this.synthesise(part, depth + 1, direction);
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) Object.assign(merged, value);
        else scalar = value;
      }
      return scalar ?? merged;
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const options = schema[key];
      if (Array.isArray(options) && options.length > 0) return this.synthesise(options[0], depth + 1, direction);
    }
    let type = schema.type as string | string[] | undefined;
    if (Array.isArray(type)) type = type.find((t) => t !== 'null') ?? 'null';
    if (type === undefined) type = schema.properties ? 'object' : schema.items ? 'array' : 'string';
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return true;
      case 'integer':
      case 'number':
        return this.number(schema, type === 'integer');
      case 'array': {
        if (depth > 6) return [];
        const min = typeof schema.minItems === 'number' ? schema.minItems : 1;
        const item = this.synthesise(schema.items ?? {}, depth + 1, direction);
        return Array.from({ length: Math.max(1, Math.min(min, 3)) }, (_, i) =>
          schema.uniqueItems && typeof item === 'string' ? `${item}${i || ''}` : item,
        );
      }
      case 'object': {
        const out: Record<string, Json> = {};
        if (depth > 6) return out;
        const required = new Set((schema.required as string[]) ?? []);
        for (const [name, raw] of Object.entries((schema.properties as Record<string, unknown>) ?? {})) {
          const prop = this.resolve(raw);
          if (direction === 'request' && prop.readOnly === true) continue;
          // Optional properties too: they exercise more of the SDK's body handling.
          if (!required.has(name) && depth > 2) continue;
          out[name] = this.synthesise(prop, depth + 1, direction);
        }
        // A required name the schema never describes (a spec slip, e.g. Spotify's `uris`): any value.
        for (const name of required) if (!(name in out)) out[name] = 'abc';
        return out;
      }
      default:
        return this.string(schema);
    }
  }

  private number(schema: Schema, integer: boolean): number {
    const min =
      typeof schema.minimum === 'number'
        ? schema.minimum
        : typeof schema.exclusiveMinimum === 'number'
          ? schema.exclusiveMinimum + 1
          : undefined;
    const max =
      typeof schema.maximum === 'number'
        ? schema.maximum
        : typeof schema.exclusiveMaximum === 'number'
          ? schema.exclusiveMaximum - 1
          : undefined;
    let value = min ?? (max !== undefined ? Math.min(1, max) : 1);
    if (schema.exclusiveMinimum === true && min !== undefined) value = min + 1;
    if (max !== undefined && value > max) value = max;
    const step = typeof schema.multipleOf === 'number' ? schema.multipleOf : undefined;
    if (step) value = Math.ceil(value / step) * step;
    return integer ? Math.round(value) : value;
  }

  private string(schema: Schema): string {
    const byFormat: Record<string, string> = {
      'date-time': '2024-01-02T03:04:05Z',
      date: '2024-01-02',
      time: '03:04:05Z',
      email: 'someone@example.com',
      uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      uri: 'https://example.com/a',
      url: 'https://example.com/a',
      hostname: 'example.com',
      ipv4: '192.0.2.1',
      ipv6: '2001:db8::1',
      byte: 'aGVsbG8=',
      binary: 'binary',
      password: 'secret-value',
    };
    let value = (typeof schema.format === 'string' && byFormat[schema.format]) || 'abc';
    if (typeof schema.pattern === 'string') value = fromPattern(schema.pattern) ?? value;
    const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
    while (value.length < min) value += 'x';
    return value.slice(0, max);
  }
}

/** A string matching a simple pattern (`^[A-Z]{3}$`, `^\d+$`), or undefined. */
export function fromPattern(pattern: string): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  for (const candidate of ['abc', 'ABC', 'USD', '123', 'a1', 'abc-123', 'A1B2C3', 'x'])
    if (regex.test(candidate)) return candidate;
  // Tiny generator: literals, \d \w, [classes] and {n}/{n,m}/+/* quantifiers, anchors dropped.
  const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  let out = '';
  const atom = /\\d|\\w|\\.|\[[^\]]+\]|[^\\[{+*?]/g;
  let match: RegExpExecArray | null;
  while ((match = atom.exec(body)) !== null) {
    const token = match[0];
    let char = token;
    if (token === '\\d') char = '1';
    else if (token === '\\w') char = 'a';
    else if (token.startsWith('\\')) char = token.slice(1);
    else if (token.startsWith('[')) {
      const cls = token.slice(1, -1);
      char = /A-Z/.test(cls) ? 'A' : /a-z/.test(cls) ? 'a' : /0-9/.test(cls) ? '1' : cls[0] === '^' ? 'x' : cls[0]!;
    }
    const rest = body.slice(atom.lastIndex);
    const quantifier = /^\{(\d+)(?:,(\d*))?\}|^[+*?]/.exec(rest);
    let count = 1;
    if (quantifier) {
      atom.lastIndex += quantifier[0].length;
      if (quantifier[1] !== undefined) count = Number(quantifier[1]);
      else if (quantifier[0] === '*' || quantifier[0] === '?') count = 0;
    }
    out += char.repeat(count);
  }
  return regex.test(out) ? out : undefined;
}
