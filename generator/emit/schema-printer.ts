/**
 * Schema -> TypeScript type text, in one of two views (docs/types.md):
 * - request: what a caller sends. readOnly properties are left out; a property not in `required`
 *   is optional even when it has a `default` (the server fills it in).
 * - response: what a caller reads. writeOnly properties are left out; a property not in
 *   `required` is optional, default or not (the runtime returns the JSON as the server sent it).
 * A `$ref` to a component prints the model's name in that view (`Pet`, or `PetInput` when the
 * views differ); a `$ref` anywhere else is hoisted into a named alias in models.ts once, which
 * keeps recursion finite and the output linear in the document (inlining is exponential on Azure).
 */
import { isObject, type JsonObject } from '../lib/json-pointer.js';
import type { RefResolver } from '../model/refs.js';
import { refKey, type SchemaViews } from '../model/schema-views.js';
import { discriminatorValues, pinsTag, requiredFromAllOfParts } from './composition.js';
import { docText, jsDoc, stringLiteral, typePropertyKey } from './escape.js';
import type { TypeUses } from './type-expressions.js';

export type View = 'request' | 'response';

/** How tightly a printed type binds, so it is parenthesised only where it must be. */
const enum Prec {
  Union = 0,
  Intersection = 1,
  Atom = 2,
}

interface Printed {
  readonly text: string;
  readonly prec: Prec;
}

/** The names a component schema has in each view. */
export interface ModelNames {
  readonly name: string;
  readonly inputName?: string;
}

/** Examples and defaults longer than this stay out of JSDoc (GitHub's would double its files). */
const MAX_DOC_VALUE_CHARS = 160;
const INDENT = '  ';
/** `type: object` with nothing listed: any object. */
const EMPTY_OBJECT = '{ [key: string]: unknown }';
/** An object whose every property this view leaves out (all readOnly, in a request). */
const NOTHING_LEFT = '{}';

const atom = (text: string): Printed => ({ text, prec: Prec.Atom });
const paren = (p: Printed, min: Prec): string => (p.prec < min ? `(${p.text})` : p.text);

function join(parts: readonly Printed[], op: '|' | '&'): Printed {
  const prec = op === '|' ? Prec.Union : Prec.Intersection;
  const texts = [...new Set(parts.map((p) => paren(p, op === '|' ? Prec.Union : Prec.Intersection)))];
  if (texts.length === 1) return parts.find((p) => paren(p, prec) === texts[0]) ?? atom(texts[0]!);
  return { text: texts.join(op === '|' ? ' | ' : ' & '), prec };
}

function literal(value: unknown): Printed | undefined {
  if (value === null) return atom('null');
  if (typeof value === 'string') return atom(stringLiteral(value));
  if (typeof value === 'number' && Number.isFinite(value)) return atom(String(value));
  if (typeof value === 'boolean') return atom(String(value));
  return undefined;
}

function typesOf(s: JsonObject): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string');
  if (s.properties !== undefined || s.additionalProperties !== undefined || s.patternProperties !== undefined)
    return ['object'];
  if (s.items !== undefined) return ['array'];
  return undefined;
}

/** A value for JSDoc (`@default`, `@example`), or undefined when it would not fit. */
function docValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text !== undefined && text.length <= MAX_DOC_VALUE_CHARS ? text : undefined;
}

/** The JSDoc paragraphs of a schema used as a property or parameter. */
export function schemaDocLines(
  s: unknown,
  extra: { description?: string; deprecated?: boolean; example?: unknown } = {},
): string[] {
  const node = isObject(s) ? s : {};
  const lines: string[] = [];
  // Not `title`: generated ones (pydantic's "Price Cents") only repeat the property's name.
  const description = extra.description ?? (typeof node.description === 'string' ? node.description : undefined);
  if (description !== undefined && description.trim() !== '') lines.push(description);
  const tags: string[] = [];
  if (typeof node.format === 'string') tags.push(`Format: ${node.format}`);
  const dflt = docValue(node.default);
  if (dflt !== undefined) tags.push(`@default ${dflt}`);
  const example = docValue(
    extra.example ?? node.example ?? (Array.isArray(node.examples) ? node.examples[0] : undefined),
  );
  if (example !== undefined) tags.push(`@example ${example}`);
  if (extra.deprecated === true || node.deprecated === true) tags.push('@deprecated');
  if (tags.length > 0) lines.push(tags.join('\n'));
  return lines;
}

export interface MemberOptions {
  /** Every member optional (a body that is not required). */
  readonly allOptional?: boolean;
  /** Names typed as uploads (binary parts of a multipart body). */
  readonly uploads?: ReadonlySet<string>;
  /** Names already used by the enclosing declaration (parameters), skipped. */
  readonly skip?: ReadonlySet<string>;
}

export class SchemaPrinter {
  /** Where the file being printed records the models and runtime types it used. */
  uses: TypeUses | undefined;
  private readonly hoisted = new Map<string, { name: string; key: string; view: View }>();
  private readonly hoistQueue: { name: string; key: string; view: View }[] = [];

  constructor(
    private readonly refs: RefResolver,
    private readonly views: SchemaViews,
    /** refKey of a component schema -> its names. */
    private readonly models: ReadonlyMap<string, ModelNames>,
    /** Every exported type name, so a hoisted alias never takes one. */
    private readonly taken: Set<string>,
  ) {}

  /** The schema a `$ref` chain ends at. */
  resolve(schema: unknown): unknown {
    return this.refs.resolve(schema, '').value;
  }

  type(schema: unknown, view: View, depth = 0): string {
    return this.print(schema, view, depth).text;
  }

  private print(schema: unknown, view: View, depth: number): Printed {
    if (schema === false) return atom('never');
    if (!isObject(schema)) return atom('unknown');
    if (typeof schema.$ref === 'string') return atom(this.refName(schema.$ref, view));
    const parts: Printed[] = [];
    if (Array.isArray(schema.allOf)) {
      for (const m of schema.allOf) parts.push(this.print(m, view, depth));
      const required = this.requiredFromParts(schema, view, depth);
      if (required !== undefined) parts.push(required);
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const members = schema[key];
      if (Array.isArray(members) && members.length > 0)
        parts.push(
          join(
            members.map((m) => this.member(schema, m, view, depth)),
            '|',
          ),
        );
    }
    const own = this.ownType(schema, view, depth);
    // `type: object` beside oneOf/allOf says nothing the members do not: no `& { [key: string]: unknown }`.
    if (own !== undefined && !(parts.length > 0 && (own.text === EMPTY_OBJECT || own.text === NOTHING_LEFT)))
      parts.push(own);
    let result = parts.length === 0 ? atom('unknown') : join(parts, '&');
    if (schema.nullable === true && result.text !== 'unknown') result = join([result, atom('null')], '|');
    return result;
  }

  /** A oneOf/anyOf member, its discriminator value fixed when the composition has one. */
  private member(composition: JsonObject, member: unknown, view: View, depth: number): Printed {
    const printed = this.print(member, view, depth);
    const tag = discriminatorValues(composition, member, this.refs);
    if (tag === undefined || pinsTag(this.resolve(member), tag.property)) return printed;
    const values = tag.values.map((v) => stringLiteral(v)).join(' | ');
    // Parenthesised as prettier prints an intersection inside a union.
    return atom(`(${join([printed, atom(`{ ${typePropertyKey(tag.property)}: ${values} }`)], '&').text})`);
  }

  /** `{ item_id: string }` for names a `required` beside allOf makes required (undefined: none). */
  private requiredFromParts(schema: JsonObject, view: View, depth: number): Printed | undefined {
    const members: string[] = [];
    for (const [name, property] of requiredFromAllOfParts(schema, this.refs)) {
      if (this.hidden(property, view)) continue;
      members.push(
        `${INDENT.repeat(depth + 1)}${typePropertyKey(name)}: ${this.print(property, view, depth + 1).text};`,
      );
    }
    return members.length === 0 ? undefined : atom(`{\n${members.join('\n')}\n${INDENT.repeat(depth)}}`);
  }

  /** The schema's own `type`/`enum`/`const`, apart from composition; undefined when it says nothing. */
  private ownType(s: JsonObject, view: View, depth: number): Printed | undefined {
    if (s.const !== undefined) return literal(s.const);
    const types = typesOf(s);
    if (Array.isArray(s.enum) && !types?.includes('object') && !types?.includes('array')) {
      const values = s.enum.map(literal).filter((p): p is Printed => p !== undefined);
      if (values.length > 0) return join(values, '|');
    }
    if (types === undefined) return undefined;
    return join(
      types.map((t) => this.primitive(t, s, view, depth)),
      '|',
    );
  }

  private primitive(type: string, s: JsonObject, view: View, depth: number): Printed {
    switch (type) {
      case 'string':
        return atom('string');
      case 'integer':
      case 'number':
        return atom('number');
      case 'boolean':
        return atom('boolean');
      case 'null':
        return atom('null');
      case 'array': {
        const item =
          s.items === undefined || Array.isArray(s.items) ? atom('unknown') : this.print(s.items, view, depth);
        return atom(`${paren(item, Prec.Atom)}[]`);
      }
      case 'object':
        return atom(this.objectLiteral(s, view, depth));
      default:
        return atom('unknown');
    }
  }

  private objectLiteral(s: JsonObject, view: View, depth: number): string {
    const members = this.members(s, view, depth + 1);
    if (members.length === 0)
      return isObject(s.properties) && Object.keys(s.properties).length > 0 ? NOTHING_LEFT : EMPTY_OBJECT;
    return `{\n${members.join('\n')}\n${INDENT.repeat(depth)}}`;
  }

  /** Is the property left out of this view (readOnly in requests, writeOnly in responses)? */
  private hidden(property: unknown, view: View): boolean {
    const flag = view === 'request' ? 'readOnly' : 'writeOnly';
    if (!isObject(property)) return false;
    if (property[flag] === true) return true;
    if (typeof property.$ref !== 'string') return false;
    const target = this.refs.lookup(property.$ref);
    return isObject(target) && target[flag] === true;
  }

  /**
   * The members of an object schema at `depth` (each line indented, with its JSDoc): its
   * properties and, through allOf, those of its parts; then an index signature for
   * additionalProperties (`unknown` beside listed properties, which must all fit it).
   */
  members(schema: unknown, view: View, depth: number, options: MemberOptions = {}): string[] {
    const collected = new Map<string, { schema: unknown; required: boolean }>();
    let index: unknown;
    const visit = (node: unknown, hops: number): void => {
      if (hops > 32) return;
      const s = this.refs.resolve(node, '').value;
      if (!isObject(s)) return;
      const required = new Set(
        Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : [],
      );
      if (isObject(s.properties)) {
        for (const name of Object.keys(s.properties))
          collected.set(name, {
            schema: s.properties[name],
            required: required.has(name) || (collected.get(name)?.required ?? false),
          });
      }
      for (const name of required) {
        const known = collected.get(name);
        if (known !== undefined) known.required = true;
      }
      if (s.additionalProperties !== undefined && s.additionalProperties !== false) index = s.additionalProperties;
      if (isObject(s.patternProperties)) index = true;
      if (Array.isArray(s.allOf)) for (const m of s.allOf) visit(m, hops + 1);
    };
    visit(schema, 0);
    const pad = INDENT.repeat(depth);
    const lines: string[] = [];
    for (const [name, { schema: property, required }] of collected) {
      if (options.skip?.has(name) || this.hidden(property, view)) continue;
      let type: string;
      if (options.uploads?.has(name)) {
        this.uses?.runtime.add('Uploadable');
        type = 'Uploadable | readonly Uploadable[]';
      } else type = this.print(property, view, depth).text;
      const optional = options.allOptional === true || !required;
      lines.push(
        `${jsDoc(schemaDocLines(property), pad)}${pad}${typePropertyKey(name)}${optional ? '?' : ''}: ${type};`,
      );
    }
    if (index !== undefined) {
      const value =
        collected.size > 0 || index === true || (isObject(index) && Object.keys(index).length === 0)
          ? 'unknown'
          : this.print(index, view, depth).text;
      lines.push(`${pad}[key: string]: ${value};`);
    }
    return lines;
  }

  /** Can the schema be an `interface` (a plain object: no composition, no null, no enum)? */
  isObject(schema: unknown): schema is JsonObject {
    if (!isObject(schema) || typeof schema.$ref === 'string') return false;
    if (schema.allOf !== undefined || schema.oneOf !== undefined || schema.anyOf !== undefined) return false;
    // An `enum` beside `type: object` is ignored by ownType as well (Mercedes-Benz lists strings there).
    if (schema.nullable === true || schema.const !== undefined) return false;
    const types = typesOf(schema);
    return (
      types !== undefined &&
      types.length === 1 &&
      types[0] === 'object' &&
      (isObject(schema.properties) || isObject(schema.additionalProperties))
    );
  }

  /** `export interface Name { ... }` for a plain object, else `export type Name = ...;`, with its JSDoc. */
  declaration(name: string, schema: unknown, view: View, doc: readonly (string | undefined)[]): string {
    const head = jsDoc(doc);
    if (this.isObject(schema)) {
      const members = this.members(schema, view, 1);
      return `${head}export interface ${name} {${members.length > 0 ? `\n${members.join('\n')}\n` : ''}}`;
    }
    return `${head}export type ${name} = ${this.type(schema, view, 0)};`;
  }

  /** The name a `$ref` prints as in this view: a model, or a hoisted alias of what it points at. */
  private refName(ref: string, view: View): string {
    const key = refKey(ref);
    if (key === undefined) return 'unknown';
    const model = this.models.get(key);
    if (model !== undefined) {
      const name = view === 'request' && model.inputName !== undefined ? model.inputName : model.name;
      this.uses?.models.add(name);
      return name;
    }
    if (this.refs.lookup(`#${key}`) === undefined) return 'unknown';
    const effective: View = this.views.refDiffers(key) ? view : 'response';
    const id = `${effective}\u0000${key}`;
    let entry = this.hoisted.get(id);
    if (entry === undefined) {
      entry = { name: this.hoistName(key, effective), key, view: effective };
      this.hoisted.set(id, entry);
      this.hoistQueue.push(entry);
    }
    this.uses?.models.add(entry.name);
    return entry.name;
  }

  private hoistName(key: string, view: View): string {
    const segments = key.split('/').filter((s) => s !== '' && s !== 'schema' && s !== 'properties' && s !== 'items');
    const last = (segments[segments.length - 1] ?? 'Schema').replace(/~1/g, '/').replace(/~0/g, '~');
    const base = `${
      last
        .replace(/[^A-Za-z0-9]+(.)?/g, (_m, c?: string) => (c ?? '').toUpperCase())
        .replace(/^[^A-Za-z_$]+/, '')
        .replace(/^./, (c) => c.toUpperCase()) || 'Schema'
    }${view === 'request' ? 'InputSchema' : 'Schema'}`;
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }

  /** Declarations of every hoisted alias so far (printing them may hoist more: drained to the end). */
  drainHoisted(): string[] {
    const out: string[] = [];
    while (this.hoistQueue.length > 0) {
      const { name, key, view } = this.hoistQueue.shift()!;
      const target = this.refs.lookup(`#${key}`);
      const doc = isObject(target) && typeof target.description === 'string' ? target.description : undefined;
      // A target that is only a `$ref` would be an alias of an alias; a cycle of those has no type.
      const direct = isObject(target) && typeof target.$ref === 'string' && refKey(target.$ref) === key;
      out.push(
        direct
          ? `export type ${name} = unknown;`
          : this.declaration(name, target, view, [doc, `From \`#${docText([key]) ?? ''}\`.`]),
      );
    }
    return out;
  }
}
