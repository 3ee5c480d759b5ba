/**
 * `$ref` resolution inside the one bundled document. Any JSON pointer that lands on something is
 * followed, which is what makes the defects of real documents work when their intent is clear: a
 * `$ref` into `#/paths/...` (a parameter borrowed from another operation) or into another schema's
 * `properties`. A pointer that lands nowhere is an InputError located at the `$ref` itself.
 */
import { InputError, type LoadedSpec } from '../types.js';
import { decodeRefSegment, isObject, joinPointer, type JsonObject } from '../lib/json-pointer.js';

/** Longest `$ref` chain followed; a longer one is a cycle of refs that point only at refs. */
const MAX_REF_CHAIN = 32;

/** A located InputError for a node of the document. */
export function inputError(spec: LoadedSpec, pointer: string, message: string, hint?: string): InputError {
  const location = spec.locate(pointer);
  return new InputError(message, { pointer, ...(location ? { location } : {}), ...(hint ? { hint } : {}) });
}

export class RefResolver {
  constructor(private readonly spec: LoadedSpec) {}

  /** The value at an internal pointer (`#/a/b` or `/a/b`), or undefined. */
  lookup(ref: string): unknown {
    if (!ref.startsWith('#')) return undefined;
    const pointer = ref.slice(1);
    if (pointer === '') return this.spec.document;
    if (!pointer.startsWith('/')) return undefined;
    let node: unknown = this.spec.document;
    for (const raw of pointer.slice(1).split('/')) {
      const key = decodeRefSegment(raw);
      if (Array.isArray(node)) node = /^\d+$/.test(key) ? node[Number(key)] : undefined;
      else if (isObject(node) && Object.hasOwn(node, key)) node = node[key];
      else return undefined;
      if (node === undefined) return undefined;
    }
    return node;
  }

  /**
   * Follows `$ref`s from `value` (found at `pointer`) until a non-ref node. Returns the node and
   * the pointer it really lives at, so later errors point at the right place.
   */
  resolve(value: unknown, pointer: string): { value: unknown; pointer: string } {
    let current = value;
    let at = pointer;
    const chain: string[] = [];
    for (let hop = 0; hop < MAX_REF_CHAIN; hop++) {
      if (!isObject(current) || typeof current.$ref !== 'string') return { value: current, pointer: at };
      const ref = current.$ref;
      if (chain.includes(ref)) {
        // `A: {$ref: B}`, `B: {$ref: A}`: nothing in the loop says what the value is.
        throw inputError(
          this.spec,
          joinPointer(at, '$ref'),
          `$ref cycle with nothing else in it: ${[...chain, ref].join(' -> ')}`,
          'one of these must be a real schema (or object), not only a $ref',
        );
      }
      chain.push(ref);
      const target = this.lookup(ref);
      if (target === undefined) {
        throw inputError(
          this.spec,
          joinPointer(at, '$ref'),
          `$ref ${JSON.stringify(ref)} does not resolve to anything in the document`,
          ref.startsWith('#')
            ? 'fix the pointer, or add the component it names'
            : 'external refs must be bundled by the loader',
        );
      }
      current = target;
      at = ref.slice(1);
    }
    throw inputError(this.spec, pointer, `$ref chain longer than ${MAX_REF_CHAIN} hops (a cycle of refs?)`);
  }

  resolveObject(value: unknown, pointer: string): { value: JsonObject; pointer: string } | undefined {
    const resolved = this.resolve(value, pointer);
    return isObject(resolved.value) ? { value: resolved.value, pointer: resolved.pointer } : undefined;
  }
}
