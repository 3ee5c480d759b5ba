/**
 * Two shapes -> the changes a caller sees, weighed by direction. What a caller sends (request)
 * may widen but not narrow; what a caller receives (response) may narrow but not widen. A change
 * inside a named component schema is found once per direction and credited to every call that
 * reaches it, so one removed field of GitHub's `repository` is one change, not three hundred.
 */
import type { ChangeKind, Direction, Severity, SurfaceChange } from './changes.js';
import type { EnumValue, PropertyShape, Shape } from './shape.js';

type SchemaTable = Readonly<Record<string, Shape>>;

interface Found {
  readonly kind: ChangeKind;
  readonly severity: Severity;
  readonly subject: string;
  readonly path: string;
  readonly reason: string;
  readonly calls: Set<string>;
}

/** Widening and narrowing, weighed by who holds the value. */
const WIDENED: Record<Direction, Severity> = { request: 'minor', response: 'major' };
const NARROWED: Record<Direction, Severity> = { request: 'major', response: 'minor' };

export class ShapeComparer {
  private readonly found: Found[] = [];
  /** `direction old->new` of a component pair: the changes found inside it (and below it). */
  private readonly memo = new Map<string, Found[]>();
  private readonly inProgress = new Set<string>();
  private collector: Found[][] = [];

  constructor(
    private readonly oldSchemas: SchemaTable,
    private readonly newSchemas: SchemaTable,
  ) {}

  /** Compares a value of one call (`subject` is the call, `path` e.g. `response`). */
  compare(before: Shape, after: Shape, direction: Direction, subject: string, path: string, call: string): void {
    this.walk(before, after, direction, { subject, path, call });
  }

  changes(): SurfaceChange[] {
    return this.found.map((f) => ({
      severity: f.severity,
      kind: f.kind,
      subject: f.subject,
      ...(f.path !== '' ? { path: f.path } : {}),
      reason: f.reason,
      ...(f.subject.startsWith('schema ') ? { calls: [...f.calls].sort() } : {}),
    }));
  }

  private report(where: Where, kind: ChangeKind, severity: Severity, reason: string): void {
    const found: Found = {
      kind,
      severity,
      subject: where.subject,
      path: where.path,
      reason,
      calls: new Set([where.call]),
    };
    this.found.push(found);
    for (const list of this.collector) list.push(found);
  }

  private walk(before: Shape, after: Shape, direction: Direction, where: Where): void {
    if (before.kind === 'ref' && after.kind === 'ref') {
      this.nullability(before, after, direction, where);
      this.component(before.name, after.name, direction, where.call);
      return;
    }
    const a = this.resolve(before, this.oldSchemas);
    const b = this.resolve(after, this.newSchemas);
    this.nullability(before, after, direction, where);
    if (a.kind === 'any' || b.kind === 'any') {
      if (a.kind !== b.kind) {
        const widened = b.kind === 'any';
        this.report(
          where,
          widened ? 'type-widened' : 'type-narrowed',
          widened ? WIDENED[direction] : NARROWED[direction],
          widened ? 'now typed `unknown`' : 'typed now, was `unknown`',
        );
      }
      return;
    }
    if (a.kind === 'union' || b.kind === 'union') {
      this.unions(a, b, direction, where);
      return;
    }
    if (a.kind !== b.kind) {
      this.report(where, 'type-changed', 'major', `was ${describe(a)}, now ${describe(b)}`);
      return;
    }
    if (a.kind === 'primitive' && b.kind === 'primitive') {
      this.primitives(a, b, direction, where);
      return;
    }
    if (a.kind === 'array' && b.kind === 'array') {
      this.walk(a.items, b.items, direction, { ...where, path: `${where.path}[]` });
      return;
    }
    if (a.kind === 'object' && b.kind === 'object') {
      this.objects(a.properties, b.properties, direction, where);
      return;
    }
  }

  private component(oldName: string, newName: string, direction: Direction, call: string): void {
    const key = `${direction}\u0000${oldName}\u0000${newName}`;
    const known = this.memo.get(key);
    if (known) {
      for (const f of known) f.calls.add(call);
      for (const list of this.collector) list.push(...known);
      return;
    }
    if (this.inProgress.has(key)) return;
    const before = Object.hasOwn(this.oldSchemas, oldName) ? this.oldSchemas[oldName] : undefined;
    const after = Object.hasOwn(this.newSchemas, newName) ? this.newSchemas[newName] : undefined;
    if (before === undefined || after === undefined) return;
    this.inProgress.add(key);
    const inside: Found[] = [];
    this.collector.push(inside);
    try {
      const subject = oldName === newName ? `schema ${newName}` : `schema ${oldName} -> ${newName}`;
      this.walk(before, after, direction, { subject, path: '', call });
    } finally {
      this.collector.pop();
      this.inProgress.delete(key);
    }
    this.memo.set(key, inside);
  }

  private resolve(shape: Shape, table: SchemaTable): Shape {
    let current = shape;
    for (let hop = 0; hop < 8 && current.kind === 'ref'; hop++) {
      const target: Shape | undefined = Object.hasOwn(table, current.name) ? table[current.name] : undefined;
      if (!target) return { kind: 'any' };
      current = target;
    }
    return current;
  }

  private nullability(before: Shape, after: Shape, direction: Direction, where: Where): void {
    const was = 'nullable' in before && before.nullable === true;
    const is = 'nullable' in after && after.nullable === true;
    if (was === is) return;
    if (is)
      this.report(
        where,
        'nullable-added',
        WIDENED[direction],
        direction === 'response' ? 'may now be null' : 'now accepts null',
      );
    else
      this.report(
        where,
        'nullable-removed',
        NARROWED[direction],
        direction === 'response' ? 'is never null now' : 'no longer accepts null',
      );
  }

  private primitives(
    a: Extract<Shape, { kind: 'primitive' }>,
    b: Extract<Shape, { kind: 'primitive' }>,
    direction: Direction,
    where: Where,
  ): void {
    const added = b.types.filter((t) => !a.types.includes(t));
    const removed = a.types.filter((t) => !b.types.includes(t));
    if (added.length > 0 && removed.length > 0) {
      this.report(where, 'type-changed', 'major', `was ${describe(a)}, now ${describe(b)}`);
      return;
    }
    if (added.length > 0) {
      this.report(where, 'type-widened', WIDENED[direction], `now also ${added.join(' | ')}`);
      return;
    }
    if (removed.length > 0) {
      this.report(where, 'type-narrowed', NARROWED[direction], `no longer ${removed.join(' | ')}`);
      return;
    }
    if (a.enum === undefined && b.enum === undefined) return;
    if (a.enum === undefined) {
      this.report(where, 'type-narrowed', NARROWED[direction], `now limited to ${values(b.enum!)}`);
      return;
    }
    if (b.enum === undefined) {
      this.report(where, 'type-widened', WIDENED[direction], `any ${b.types.join(' | ')} now, was ${values(a.enum)}`);
      return;
    }
    const gained = b.enum.filter((v) => !a.enum!.includes(v));
    const lost = a.enum.filter((v) => !b.enum!.includes(v));
    // A response enum that gains values still compiles (only exhaustive switches notice), and the
    // runtime never rejects an unknown value: APIs add them all the time. Sent values must not vanish.
    if (gained.length > 0) {
      const severity: Severity = 'minor';
      this.report(
        where,
        'enum-values-added',
        severity,
        `${direction === 'response' ? 'may now return' : 'now accepts'} ${values(gained)}`,
      );
    }
    if (lost.length > 0) {
      this.report(
        where,
        'enum-values-removed',
        NARROWED[direction],
        `${direction === 'response' ? 'no longer returns' : 'no longer accepts'} ${values(lost)}`,
      );
    }
  }

  private objects(
    a: Readonly<Record<string, PropertyShape>>,
    b: Readonly<Record<string, PropertyShape>>,
    direction: Direction,
    where: Where,
  ): void {
    const visible = (p: PropertyShape) => (direction === 'request' ? !p.readOnly : !p.writeOnly);
    const at = (name: string) => ({ ...where, path: where.path === '' ? name : `${where.path}.${name}` });
    for (const name of Object.keys(a)) {
      const before = a[name]!;
      if (!visible(before)) continue;
      const after = Object.hasOwn(b, name) ? b[name]! : undefined;
      if (after === undefined || !visible(after)) {
        this.report(
          at(name),
          'field-removed',
          'major',
          direction === 'response' ? 'removed from the response' : 'no longer accepted',
        );
        continue;
      }
      if (!before.required && after.required) {
        this.report(
          at(name),
          'field-required',
          direction === 'request' ? 'major' : 'minor',
          direction === 'request' ? 'now required' : 'always present now',
        );
      } else if (before.required && !after.required) {
        this.report(
          at(name),
          'field-optional',
          direction === 'request' ? 'minor' : 'major',
          direction === 'request' ? 'optional now' : 'may now be absent',
        );
      }
      this.walk(before.shape, after.shape, direction, at(name));
    }
    for (const name of Object.keys(b)) {
      const after = b[name]!;
      if (!visible(after) || (Object.hasOwn(a, name) && visible(a[name]!))) continue;
      const required = direction === 'request' && after.required === true;
      this.report(
        at(name),
        'field-added',
        required ? 'major' : 'minor',
        required ? 'new and required' : direction === 'request' ? 'new, optional' : 'new in the response',
      );
    }
  }

  /** Members matched by kind (and ref name); added and removed members weigh like widening and narrowing. */
  private unions(a: Shape, b: Shape, direction: Direction, where: Where): void {
    // Nullability was compared on the whole value already; members are compared without it.
    const membersOf = (s: Shape) => (s.kind === 'union' ? s.members : [s]).map(withoutNull);
    const key = (s: Shape) => (s.kind === 'ref' ? `ref:${s.name}` : s.kind);
    const before = new Map(membersOf(a).map((m) => [key(m), m]));
    const after = new Map(membersOf(b).map((m) => [key(m), m]));
    for (const [k, member] of before) {
      const match = after.get(k);
      if (match) this.walk(member, match, direction, where);
      else this.report(where, 'type-narrowed', NARROWED[direction], `no longer ${describe(member)}`);
    }
    for (const [k, member] of after) {
      if (!before.has(k)) this.report(where, 'type-widened', WIDENED[direction], `now also ${describe(member)}`);
    }
  }
}

function withoutNull(shape: Shape): Shape {
  if (!('nullable' in shape)) return shape;
  const { nullable: _nullable, ...rest } = shape;
  return rest as Shape;
}

interface Where {
  readonly subject: string;
  readonly path: string;
  readonly call: string;
}

/** A few words for a shape in a reason: `string`, `Pet`, `object`, `Pet[]`. */
export function describe(shape: Shape): string {
  switch (shape.kind) {
    case 'ref':
      return shape.name;
    case 'primitive':
      return shape.enum ? values(shape.enum) : shape.types.join(' | ');
    case 'array':
      return `${describe(shape.items)}[]`;
    case 'union':
      return shape.members.map(describe).join(' | ');
    case 'object':
      return 'object';
    default:
      return 'unknown';
  }
}

/** Enum values as a caller writes them, cut short for a readable line. */
const MAX_LISTED_VALUES = 6;

function values(list: readonly EnumValue[]): string {
  const shown = list.slice(0, MAX_LISTED_VALUES).map((v) => JSON.stringify(v));
  return shown.join(' | ') + (list.length > MAX_LISTED_VALUES ? ` (+${list.length - MAX_LISTED_VALUES} more)` : '');
}
