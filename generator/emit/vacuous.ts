/**
 * Component schemas that are, through unions and intersections of refs, a ref to themselves
 * (`A: {$ref: B}`, `B: {oneOf: [{$ref: A}]}`): no finite TypeScript alias exists (TS2456/TS2502),
 * so both type printers declare them `unknown`. A ref under `properties` is fine: an object type
 * is deferred.
 */
import { decodeRefSegment } from '../lib/json-pointer.js';

/** Nesting followed inside one schema; deeper is treated as no alias. */
const MAX_INLINE_DEPTH = 32;

/** Component schema names a schema stands for directly: its `$ref`, those of its allOf/oneOf/anyOf members and items. */
function aliasTargets(node: unknown, out: string[], arrays: boolean, depth = 0): string[] {
  if (typeof node !== 'object' || node === null || depth > MAX_INLINE_DEPTH) return out;
  const schema = node as Record<string, unknown>;
  const match = typeof schema.$ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref) : null;
  if (match) out.push(decodeRefSegment(match[1]!));
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const members = schema[key];
    if (Array.isArray(members)) for (const member of members) aliasTargets(member, out, arrays, depth + 1);
  }
  // `T[]` of an indexed access is not deferred either: `A: {items: {$ref: A}}` is TS2502 too.
  // Of a named alias it is (`type A = A[]` compiles): the model printer passes arrays = false.
  if (arrays && schema.items !== undefined) aliasTargets(schema.items, out, arrays, depth + 1);
  return out;
}

/**
 * Component schemas that reach themselves through aliasTargets alone.
 * @param arrays whether an array's items count as an alias (openapi-typescript's indexed accesses).
 */
export function vacuousSchemas(schemas: Record<string, unknown>, arrays = true): string[] {
  const edges = new Map<string, string[]>();
  for (const name of Object.keys(schemas)) {
    const targets = aliasTargets(schemas[name], [], arrays).filter((t) => Object.hasOwn(schemas, t));
    if (targets.length > 0) edges.set(name, targets);
  }
  const out: string[] = [];
  for (const start of edges.keys()) {
    const seen = new Set<string>();
    const stack = [...edges.get(start)!];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === start) {
        out.push(start);
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(edges.get(next) ?? []));
    }
  }
  return out;
}
