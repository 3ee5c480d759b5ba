/**
 * Call examples from the spec's own examples: the README's first call and per-operation snippets,
 * and each method's JSDoc `@example`. Values come, in order, from the parameter's `example` /
 * `examples`, its `content` examples, then its schema's `example` / `examples` / `default` /
 * `enum`; a request body from the media type's `example` / `examples`, then the schema's, then its
 * required properties one by one. A placeholder (`"..."`, `0`, `[]`) is used only where the spec
 * has nothing, and each example counts both, so the corpus can measure how often that is.
 *
 * Methods' JSDoc reads the examples through `methodExample(op)`: emit/index.ts attaches them to
 * the model's operation objects once (a WeakMap keyed by the OperationModel), so methods.ts needs
 * one line and no access to the spec.
 */
import type { LoadedSpec } from '../types.js';
import type { ApiModel, OperationModel } from '../model/index.js';
import { isObject, setOwn, type JsonObject } from '../lib/json-pointer.js';
import { RefResolver } from '../model/refs.js';
import { discriminatorValues } from './composition.js';
import { objectLiteralKey } from './escape.js';
import { Expression, printLiteral, type LiteralValue } from './literal.js';

/** Longest example value printed whole; longer ones keep their first array items, then required keys only. */
const MAX_VALUE_CHARS = 240;
/** Nesting followed when building a value from a schema's required properties (recursive schemas end here). */
const MAX_SCHEMA_DEPTH = 4;
/** `$ref` hops followed to an example or schema; more is a cycle. */
const MAX_REF_HOPS = 8;

export interface CallExample {
  /** The argument list, e.g. `{ owner: "octocat", repo: "hello-world" }`, or '' when nothing is required. */
  readonly args: string;
  /** Values taken from the spec's examples. */
  readonly fromSpec: number;
  /** Values the spec had no example for. */
  readonly placeholders: number;
}

const attached = new WeakMap<OperationModel, CallExample>();
const attachedData = new WeakMap<OperationModel, CallData>();

/** Computes every operation's example once, for methodExample(), the README and the generated tests. */
export function attachExamples(model: ApiModel, spec: LoadedSpec): void {
  const finder = new ExampleFinder(spec);
  for (const op of model.operations) {
    const data = finder.callData(op);
    attachedData.set(op, data);
    attached.set(op, callExampleFrom(data));
  }
}

/** The call's values as attachExamples() found them (undefined when they were not attached). */
export function callDataOf(op: OperationModel): CallData | undefined {
  return attachedData.get(op);
}

export function callExampleOf(op: OperationModel): CallExample | undefined {
  return attached.get(op);
}

/** The JSDoc `@example` of a method (undefined when examples were not attached). */
export function methodExample(op: OperationModel): string | undefined {
  const example = attached.get(op);
  if (!example) return undefined;
  const owner = op.resource !== undefined ? `client.${op.resource}` : 'client';
  const call = `${owner}.${op.methodName}(${example.args})`;
  if (op.pagination) return `@example\nfor await (const item of ${call}) console.log(item);`;
  const returnsNothing = op.success.every((s) => s.kind === 'empty');
  return `@example\n${returnsNothing ? '' : 'const result = '}await ${call};`;
}

export interface CallData {
  readonly params: readonly {
    readonly name: string /** The params-object key (differs from `name` when the name is used in two locations). */;
    readonly key: string;
    readonly in: string;
    readonly value: LiteralValue;
    readonly fromSpec: boolean;
  }[];
  /** `flat`: the value is an object whose keys sit beside the parameters; `body`: it goes under `body`. */
  readonly body?: { readonly value: LiteralValue; readonly placement: 'flat' | 'body' };
  readonly fromSpec: number;
  readonly placeholders: number;
}

interface Found {
  readonly value: LiteralValue;
  readonly fromSpec: boolean;
}

export class ExampleFinder {
  private readonly refs: RefResolver;

  constructor(spec: LoadedSpec) {
    this.refs = new RefResolver(spec);
  }

  callExample(op: OperationModel): CallExample {
    return callExampleFrom(this.callData(op));
  }

  /** The required parameters and body of a call, as values (for the generated tests as well). */
  callData(op: OperationModel): CallData {
    const operation = this.object(this.refs.lookup('#' + op.pointer)) ?? {};
    const pathItem = this.object(this.refs.lookup('#' + op.pointer.slice(0, op.pointer.lastIndexOf('/')))) ?? {};
    const raw = this.rawParameters(pathItem.parameters, operation.parameters);
    const params: CallData['params'][number][] = [];
    let fromSpec = 0;
    let placeholders = 0;
    const count = (found: Found) => (found.fromSpec ? (fromSpec += 1) : (placeholders += 1));
    for (const param of op.params.filter((p) => p.required)) {
      const found = this.parameterValue(raw.get(`${param.in}\u0000${param.name}`));
      count(found);
      params.push({
        name: param.name,
        key: param.key ?? param.name,
        in: param.in,
        value: found.value,
        fromSpec: found.fromSpec,
      });
    }
    let body: CallData['body'];
    if (op.body?.required) {
      const found = op.body.binary
        ? { value: placeholderFor('binary'), fromSpec: false }
        : this.bodyValue(this.mediaOf(operation.requestBody, op.body.mediaType));
      count(found);
      const flat = op.body.placement === 'flat' && isPlainValue(found.value);
      // A flat body's keys sit in the params type: example keys the schema does not declare would not compile.
      const declared = op.body.properties ? new Set(op.body.properties) : undefined;
      const value =
        flat && declared && isPlainValue(found.value)
          ? Object.fromEntries(Object.entries(found.value).filter(([key]) => declared.has(key)))
          : found.value;
      body = { value, placement: flat ? 'flat' : 'body' };
    }
    return { params, ...(body && { body }), fromSpec, placeholders };
  }

  /** The first 2xx response's example body (or one built from its schema), and how it is read. */
  responseExample(
    op: OperationModel,
  ): { status: string; kind: string; mediaType?: string; value?: LiteralValue; fromSpec: boolean } | undefined {
    const success = op.success.find((s) => s.kind !== 'empty') ?? op.success[0];
    if (!success) return undefined;
    if (success.kind === 'empty' || success.mediaType === undefined)
      return { status: success.status, kind: success.kind, fromSpec: true };
    const operation = this.object(this.refs.lookup('#' + op.pointer)) ?? {};
    const responses = this.object(operation.responses) ?? {};
    const response = this.object(responses[success.status]);
    const content = response ? this.object(response.content) : undefined;
    const media = content ? this.object(content[success.mediaType]) : undefined;
    const own = media ? this.exampleOf(media) : undefined;
    // An example of the wrong kind (an object where the schema says array) would only test the spec's typo.
    const usable = own !== undefined && sameKind(own, this.object(media?.schema));
    const found = usable ? { value: firstItems(own), fromSpec: true } : this.schemaValue(media?.schema, 0);
    return {
      status: success.status,
      kind: success.kind,
      mediaType: success.mediaType,
      value: found.value,
      fromSpec: found.fromSpec,
    };
  }

  private object(value: unknown): JsonObject | undefined {
    let current = value;
    for (let hop = 0; hop < MAX_REF_HOPS && isObject(current) && typeof current.$ref === 'string'; hop++)
      current = this.refs.lookup(current.$ref);
    return isObject(current) ? current : undefined;
  }

  private rawParameters(pathLevel: unknown, operationLevel: unknown): Map<string, JsonObject> {
    const found = new Map<string, JsonObject>();
    for (const list of [pathLevel, operationLevel]) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        const param = this.object(entry);
        if (param && typeof param.name === 'string') found.set(`${String(param.in)}\u0000${param.name}`, param);
      }
    }
    return found;
  }

  private parameterValue(param: JsonObject | undefined): Found {
    if (!param) return { value: placeholderFor(undefined), fromSpec: false };
    const own = this.exampleOf(param);
    if (own !== undefined) return { value: own, fromSpec: true };
    const content = this.object(param.content);
    const media = content ? this.object(Object.values(content)[0]) : undefined;
    const fromMedia = media ? this.exampleOf(media) : undefined;
    if (fromMedia !== undefined) return { value: fromMedia, fromSpec: true };
    return this.schemaValue(param.schema ?? media?.schema, 0);
  }

  private mediaOf(requestBody: unknown, mediaType: string): JsonObject | undefined {
    const body = this.object(requestBody);
    const content = body ? this.object(body.content) : undefined;
    return content ? this.object(content[mediaType]) : undefined;
  }

  private bodyValue(media: JsonObject | undefined): Found {
    if (!media) return { value: placeholderFor('object'), fromSpec: false };
    const own = this.exampleOf(media);
    if (own !== undefined) return { value: fitted(own, this.object(media.schema)), fromSpec: true };
    return this.schemaValue(media.schema, 0);
  }

  /** `example`, then the first of `examples` (a map of Example Objects, or a 3.1 schema's array). */
  exampleOf(node: JsonObject): LiteralValue | undefined {
    if (node.example !== undefined) return node.example as LiteralValue;
    if (Array.isArray(node.examples) && node.examples.length > 0) return node.examples[0] as LiteralValue;
    const examples = this.object(node.examples);
    if (!examples) return undefined;
    for (const key of Object.keys(examples)) {
      const example = this.object(examples[key]);
      if (example && example.value !== undefined) return example.value as LiteralValue;
    }
    return undefined;
  }

  /** A schema's own example, default or first enum value; else an object of its required properties; else a placeholder. */
  schemaValue(rawSchema: unknown, depth: number): Found {
    const schema = this.object(rawSchema);
    if (!schema) return { value: placeholderFor(undefined), fromSpec: false };
    const own =
      this.exampleOf(schema) ??
      (schema.default as LiteralValue | undefined) ??
      (Array.isArray(schema.enum) ? (schema.enum[0] as LiteralValue) : undefined);
    if (own !== undefined) return { value: fitted(own, schema), fromSpec: true };
    if (Array.isArray(schema.allOf) && schema.allOf.length > 0 && depth < MAX_SCHEMA_DEPTH)
      return this.allOfValue(schema.allOf, depth);
    const member = Array.isArray(schema.oneOf)
      ? schema.oneOf[0]
      : Array.isArray(schema.anyOf)
        ? schema.anyOf[0]
        : undefined;
    if (member !== undefined && depth < MAX_SCHEMA_DEPTH) return this.memberValue(schema, member, depth);
    const properties = this.object(schema.properties);
    const required = Array.isArray(schema.required)
      ? schema.required.filter((r): r is string => typeof r === 'string')
      : [];
    if (properties && required.length > 0 && depth < MAX_SCHEMA_DEPTH) {
      const value: Record<string, LiteralValue> = {};
      let anyFromSpec = false;
      for (const name of required) {
        const found = this.schemaValue(properties[name], depth + 1);
        anyFromSpec ||= found.fromSpec;
        setOwn(value, name, found.value);
      }
      return { value, fromSpec: anyFromSpec };
    }
    return {
      value: placeholderFor(typeof schema.type === 'string' ? schema.type : properties ? 'object' : undefined),
      fromSpec: false,
    };
  }

  /** The first oneOf/anyOf member's value, with its discriminator tag when the composition has one. */
  private memberValue(composition: JsonObject, member: unknown, depth: number): Found {
    const found = this.schemaValue(member, depth + 1);
    const tag = discriminatorValues(composition, member, this.refs);
    if (tag === undefined || !isPlainValue(found.value)) return found;
    // The tag first, as people write it (`{ kind: 'paper', pages: 0 }`).
    const value: Record<string, LiteralValue> = {};
    const entries: [string, LiteralValue][] = [[tag.property, tag.values[0]!], ...Object.entries(found.value)];
    for (const [key, item] of entries) if (!Object.hasOwn(value, key)) setOwn(value, key, item);
    return { value, fromSpec: found.fromSpec };
  }

  /** allOf members' values merged when they are objects (the usual `allOf: [Base, {extra}]`). */
  private allOfValue(members: readonly unknown[], depth: number): Found {
    const merged: Record<string, LiteralValue> = {};
    let anyFromSpec = false;
    let objects = 0;
    for (const member of members) {
      const found = this.schemaValue(member, depth + 1);
      if (!isPlainValue(found.value)) return found.fromSpec ? found : { value: found.value, fromSpec: false };
      objects += 1;
      anyFromSpec ||= found.fromSpec;
      for (const [key, value] of Object.entries(found.value)) setOwn(merged, key, value);
    }
    return { value: objects > 0 ? merged : placeholderFor(undefined), fromSpec: anyFromSpec };
  }
}

/** The printed argument list of a call from its values. */
function callExampleFrom(data: CallData): CallExample {
  const entries: [string, LiteralValue][] = data.params.map((p) => [p.key, p.value]);
  if (data.body) {
    const { value, placement } = data.body;
    if (placement === 'flat' && isPlainValue(value)) {
      for (const [key, item] of Object.entries(value))
        if (!entries.some(([name]) => name === key)) entries.push([key, item]);
    } else {
      entries.push(['body', value]);
    }
  }
  return {
    args: entries.length === 0 ? '' : printArgs(entries),
    fromSpec: data.fromSpec,
    placeholders: data.placeholders,
  };
}

/** Whether an example is the array or object its schema declares (anything else is not judged). */
function sameKind(value: LiteralValue, schema: JsonObject | undefined): boolean {
  if (schema?.type === 'array') return Array.isArray(value);
  if (schema?.type === 'object') return isPlainValue(value);
  return true;
}

/** A long example keeps its first array items, then (for an object body) only its required keys. */
function fitted(value: LiteralValue, schema: JsonObject | undefined): LiteralValue {
  if (printLiteral(value).length <= MAX_VALUE_CHARS) return value;
  const shortened = firstItems(value);
  if (printLiteral(shortened).length <= MAX_VALUE_CHARS || !isPlainValue(shortened) || !schema) return shortened;
  const required = Array.isArray(schema.required)
    ? schema.required.filter((r): r is string => typeof r === 'string')
    : [];
  const kept: Record<string, LiteralValue> = {};
  for (const key of required) {
    if (Object.hasOwn(shortened, key)) setOwn(kept, key, shortened[key]);
  }
  return kept;
}

function firstItems(value: LiteralValue): LiteralValue {
  if (Array.isArray(value)) return value.length === 0 ? [] : [firstItems(value[0] as LiteralValue)];
  if (isPlainValue(value)) {
    const copy: Record<string, LiteralValue> = {};
    for (const [key, item] of Object.entries(value)) setOwn(copy, key, firstItems(item));
    return copy;
  }
  return value;
}

function isPlainValue(value: LiteralValue): value is { readonly [key: string]: LiteralValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Expression);
}

/** What a value looks like when the spec gives none: obviously a placeholder, and of the right type. */
function placeholderFor(type: string | undefined): LiteralValue {
  switch (type) {
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    case 'binary':
      // Code, not data: the one placeholder that is not a JSON value (an upload).
      return new Expression('new Uint8Array()');
    default:
      return '...';
  }
}

/** `{ owner: "octocat", body: {...} }` on one line when short; backticks escaped for Markdown fences. */
function printArgs(entries: readonly [string, LiteralValue][]): string {
  const printed = entries.map(([key, value]) => `${objectLiteralKey(key)}: ${printValueForDocs(value)}`);
  return `{ ${printed.join(', ')} }`;
}

function printValueForDocs(value: LiteralValue): string {
  // One line: examples sit in a README list and a JSDoc line; a fence-closing ``` must not appear.
  return printLiteral(value).replace(/\n\s*/g, ' ').replace(/`/g, '\\u0060');
}
