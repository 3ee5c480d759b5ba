/**
 * Which schemas read differently as sent (request view: readOnly dropped) and as received
 * (response view: writeOnly dropped). A schema differs when readOnly or writeOnly appears inside
 * it, inline or through any `$ref` it reaches (recursion included). Both emit/ (to pick the view's
 * name for a `$ref`) and naming (to give `PetInput` a name only when needed) ask this.
 */
import { decodeRefSegment, escapeSegment, isObject } from '../lib/json-pointer.js';
import type { RefResolver } from './refs.js';

/** Keys whose values are data (examples, defaults), never schemas. */
const DATA_KEYS: ReadonlySet<string> = new Set(['example', 'examples', 'default', 'const', 'enum']);
/** Keys whose values map names to schemas: their keys are names, whatever they spell. */
const NAME_MAPS: ReadonlySet<string> = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
]);

/** `#/components/schemas/a~1b` and `#/components/schemas/a%2Fb` -> `/components/schemas/a~1b`; undefined for external refs. */
export function refKey(ref: string): string | undefined {
  if (!ref.startsWith('#/')) return ref === '#' ? '' : undefined;
  return `/${ref
    .slice(2)
    .split('/')
    .map((s) => escapeSegment(decodeRefSegment(s)))
    .join('/')}`;
}

interface Scan {
  direct: boolean;
  edges: string[];
}

const marked = (node: unknown): boolean => isObject(node) && (node.readOnly === true || node.writeOnly === true);

/**
 * The refs inside a schema, and whether one of its properties is readOnly or writeOnly (itself, or
 * the schema its `$ref` names). A flag on the schema's root does not count: a view never drops
 * the root, only properties.
 */
function scan(refs: RefResolver, node: unknown, out: Scan, inProperties = false, inNameMap = false): Scan {
  if (Array.isArray(node)) {
    for (const item of node) scan(refs, item, out);
    return out;
  }
  if (!isObject(node)) return out;
  if (inNameMap) {
    for (const key of Object.keys(node)) {
      const property = node[key];
      if (
        inProperties &&
        (marked(property) ||
          (isObject(property) && typeof property.$ref === 'string' && marked(refs.lookup(property.$ref))))
      )
        out.direct = true;
      scan(refs, property, out);
    }
    return out;
  }
  if (typeof node.$ref === 'string') {
    const key = refKey(node.$ref);
    if (key !== undefined) out.edges.push(key);
  }
  for (const key of Object.keys(node)) {
    if (DATA_KEYS.has(key) || key.startsWith('x-') || key === '$ref') continue;
    scan(refs, node[key], out, key === 'properties', NAME_MAPS.has(key));
  }
  return out;
}

export class SchemaViews {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly refs: RefResolver) {}

  /** True when the schema (inline, and through every `$ref` it reaches) has readOnly or writeOnly inside. */
  differs(node: unknown): boolean {
    const { direct, edges } = scan(this.refs, node, { direct: false, edges: [] });
    return direct || edges.some((e) => this.refDiffers(e));
  }

  /** Same for a `$ref` target, by refKey. */
  refDiffers(key: string): boolean {
    const known = this.known.get(key);
    if (known !== undefined) return known;
    // The closed subgraph of refs reachable from `key` that is not known yet, then one backward
    // pass from the nodes that differ by themselves: exact on cycles, each node scanned once.
    const nodes = new Map<string, Scan>();
    const stack = [key];
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (this.known.has(k) || nodes.has(k)) continue;
      const info = scan(this.refs, this.refs.lookup(`#${k}`), { direct: false, edges: [] });
      nodes.set(k, info);
      stack.push(...info.edges);
    }
    const reverse = new Map<string, string[]>();
    const marked = new Set<string>();
    const queue: string[] = [];
    for (const [k, info] of nodes) {
      for (const e of info.edges) {
        if (this.known.get(e) === true) info.direct = true;
        else if (nodes.has(e)) reverse.set(e, [...(reverse.get(e) ?? []), k]);
      }
      if (info.direct) {
        marked.add(k);
        queue.push(k);
      }
    }
    while (queue.length > 0) {
      for (const from of reverse.get(queue.pop()!) ?? []) {
        if (marked.has(from)) continue;
        marked.add(from);
        queue.push(from);
      }
    }
    for (const k of nodes.keys()) this.known.set(k, marked.has(k));
    return this.known.get(key) ?? false;
  }
}

/** The refKey of component schema `name`. */
export const componentSchemaKey = (name: string): string => `/components/schemas/${escapeSegment(name)}`;
