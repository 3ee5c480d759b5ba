/**
 * A schema as the SDK's users see it through TypeScript: what can be sent or received, not how
 * the YAML spells it. integer and number are both `number`, `format` and descriptions vanish,
 * allOf objects merge, oneOf/anyOf are unions, and a `$ref` to a component schema stays a name
 * (so a change inside a shared schema is found once, and recursion ends).
 *
 * Shapes are plain JSON: they are stored in the output's manifest and compared on the next run.
 */
import { isObject, setOwn, type JsonObject } from '../lib/json-pointer.js';
import type { RefResolver } from '../model/refs.js';

/** Primitive TypeScript types a schema can take (integer is `number`). */
export type PrimitiveType = 'string' | 'number' | 'boolean';

export type EnumValue = string | number | boolean;

export interface PropertyShape {
  readonly shape: Shape;
  readonly required?: true;
  /** Only in responses (`readOnly`) or only in requests (`writeOnly`). */
  readonly readOnly?: true;
  readonly writeOnly?: true;
}

export type Shape =
  | { readonly kind: 'ref'; readonly name: string; readonly nullable?: true }
  | { readonly kind: 'any'; readonly nullable?: true }
  | {
      readonly kind: 'primitive';
      readonly types: readonly PrimitiveType[];
      readonly enum?: readonly EnumValue[];
      readonly nullable?: true;
    }
  | { readonly kind: 'object'; readonly properties: Readonly<Record<string, PropertyShape>>; readonly nullable?: true }
  | { readonly kind: 'array'; readonly items: Shape; readonly nullable?: true }
  | { readonly kind: 'union'; readonly members: readonly Shape[]; readonly nullable?: true };

/** Nesting followed inside one schema; real specs stay far below, a hostile one stops here. */
const MAX_SHAPE_DEPTH = 40;
/** allOf members merged through refs; deeper nesting is treated as `any` rather than followed. */
const MAX_ALLOF_DEPTH = 16;

const COMPONENT_PREFIX = '#/components/schemas/';

export function componentName(ref: string): string | undefined {
  if (!ref.startsWith(COMPONENT_PREFIX)) return undefined;
  const rest = ref.slice(COMPONENT_PREFIX.length);
  if (rest.includes('/')) return undefined;
  return decodeURIComponent(rest).replace(/~1/g, '/').replace(/~0/g, '~');
}

const ANY: Shape = { kind: 'any' };

export class ShapeReader {
  constructor(private readonly refs: RefResolver) {}

  /** The shape of `schema`; component `$ref`s stay names. */
  read(schema: unknown, depth = 0): Shape {
    if (depth > MAX_SHAPE_DEPTH || !isObject(schema)) return ANY;
    if (typeof schema.$ref === 'string') {
      const name = componentName(schema.$ref);
      if (name !== undefined && this.refs.lookup(schema.$ref) !== undefined) return { kind: 'ref', name };
      const target = this.refs.lookup(schema.$ref);
      return target === undefined ? ANY : this.read(target, depth + 1);
    }
    const nullable =
      schema.nullable === true ||
      schema.type === 'null' ||
      (Array.isArray(schema.type) && schema.type.includes('null'));
    const shape = this.readNonNull(schema, depth);
    return nullable && !('nullable' in shape) ? { ...shape, nullable: true } : shape;
  }

  private readNonNull(schema: JsonObject, depth: number): Shape {
    const alternatives = Array.isArray(schema.oneOf)
      ? schema.oneOf
      : Array.isArray(schema.anyOf)
        ? schema.anyOf
        : undefined;
    if (alternatives && alternatives.length > 0)
      return this.union(alternatives.map((member) => this.read(member, depth + 1)));
    if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return this.allOf(schema, depth);
    const types = declaredTypes(schema);
    if (Array.isArray(schema.enum)) {
      const values = schema.enum.filter(
        (v): v is EnumValue => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
      );
      const enumTypes = [
        ...new Set(values.map((v) => (typeof v === 'number' ? 'number' : typeof v) as PrimitiveType)),
      ].sort();
      if (values.length > 0) return { kind: 'primitive', types: enumTypes, enum: sortValues(values) };
    }
    if ('const' in schema && ['string', 'number', 'boolean'].includes(typeof schema.const)) {
      const value = schema.const as EnumValue;
      return {
        kind: 'primitive',
        types: [(typeof value === 'number' ? 'number' : typeof value) as PrimitiveType],
        enum: [value],
      };
    }
    if (
      types.has('object') ||
      (types.size === 0 && (isObject(schema.properties) || schema.additionalProperties !== undefined))
    ) {
      return this.object([schema], depth);
    }
    if (types.has('array') || (types.size === 0 && schema.items !== undefined)) {
      return { kind: 'array', items: this.read(schema.items, depth + 1) };
    }
    const primitives = [...types]
      .filter((t): t is PrimitiveType => t === 'string' || t === 'number' || t === 'boolean')
      .sort();
    return primitives.length > 0 ? { kind: 'primitive', types: primitives } : ANY;
  }

  /** allOf: object members (through refs) merge into one object; anything else is `any`. */
  private allOf(schema: JsonObject, depth: number): Shape {
    const parts: JsonObject[] = [];
    const collect = (node: unknown, level: number): boolean => {
      if (level > MAX_ALLOF_DEPTH) return false;
      const resolved = isObject(node) && typeof node.$ref === 'string' ? this.refs.lookup(node.$ref) : node;
      if (!isObject(resolved)) return false;
      if (Array.isArray(resolved.allOf)) {
        const { allOf, ...rest } = resolved;
        parts.push(rest);
        return allOf.every((member) => collect(member, level + 1));
      }
      if (resolved.oneOf !== undefined || resolved.anyOf !== undefined) return false;
      parts.push(resolved);
      return true;
    };
    if (!collect(schema, 0)) {
      // A union inside allOf: the members that are unions decide; keep the first one's shape.
      const union = (schema.allOf as unknown[]).find(
        (m) => isObject(m) && (m.oneOf !== undefined || m.anyOf !== undefined || typeof m.$ref === 'string'),
      );
      return union === undefined ? ANY : this.read(union, depth + 1);
    }
    if (parts.length === 1 || parts.every((p) => !isObject(p.properties) && p.type !== 'object')) {
      const typed = parts.find((p) => p.type !== undefined || p.enum !== undefined);
      return typed ? this.readNonNull(typed, depth + 1) : ANY;
    }
    return this.object(parts, depth);
  }

  private object(parts: readonly JsonObject[], depth: number): Shape {
    const properties: Record<string, PropertyShape> = {};
    const required = new Set<string>();
    for (const part of parts) {
      if (Array.isArray(part.required))
        for (const name of part.required) if (typeof name === 'string') required.add(name);
      if (!isObject(part.properties)) continue;
      for (const name of Object.keys(part.properties)) {
        const raw = part.properties[name];
        const property: { shape: Shape; readOnly?: true; writeOnly?: true } = { shape: this.read(raw, depth + 1) };
        if (isObject(raw) && raw.readOnly === true) property.readOnly = true;
        if (isObject(raw) && raw.writeOnly === true) property.writeOnly = true;
        setOwn(properties, name, property);
      }
    }
    const sorted: Record<string, PropertyShape> = {};
    for (const name of Object.keys(properties).sort()) {
      const property = properties[name]!;
      const value = required.has(name)
        ? { shape: property.shape, required: true as const, ...flags(property) }
        : { shape: property.shape, ...flags(property) };
      setOwn(sorted, name, value);
    }
    return { kind: 'object', properties: sorted };
  }

  /** Primitive members fold into one primitive; a `null` member makes the union nullable. */
  private union(members: readonly Shape[]): Shape {
    const nullable = members.some((m) => 'nullable' in m && m.nullable === true);
    const rest: Shape[] = [];
    let primitive: { types: Set<PrimitiveType>; values: EnumValue[] | undefined } | undefined;
    for (const member of members) {
      if (member.kind === 'any' && member.nullable) continue; // `{type: 'null'}` alone
      if (member.kind === 'primitive') {
        primitive ??= { types: new Set(), values: [] };
        for (const t of member.types) primitive.types.add(t);
        primitive.values = member.enum && primitive.values ? [...primitive.values, ...member.enum] : undefined;
        continue;
      }
      rest.push(stripNullable(member));
    }
    if (primitive) {
      rest.unshift({
        kind: 'primitive',
        types: [...primitive.types].sort(),
        ...(primitive.values ? { enum: sortValues([...new Set(primitive.values)]) } : {}),
      });
    }
    const shape: Shape = rest.length === 1 ? rest[0]! : rest.length === 0 ? ANY : { kind: 'union', members: rest };
    return nullable ? { ...shape, nullable: true } : shape;
  }
}

function flags(property: { readOnly?: true; writeOnly?: true }): { readOnly?: true; writeOnly?: true } {
  return {
    ...(property.readOnly ? { readOnly: true as const } : {}),
    ...(property.writeOnly ? { writeOnly: true as const } : {}),
  };
}

function stripNullable(shape: Shape): Shape {
  if (!('nullable' in shape)) return shape;
  const { nullable: _nullable, ...rest } = shape;
  return rest as Shape;
}

function declaredTypes(schema: JsonObject): Set<string> {
  const raw = Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : [];
  return new Set(
    raw.filter((t): t is string => typeof t === 'string' && t !== 'null').map((t) => (t === 'integer' ? 'number' : t)),
  );
}

function sortValues(values: readonly EnumValue[]): EnumValue[] {
  return [...values].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
}
