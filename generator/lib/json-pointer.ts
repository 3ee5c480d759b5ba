/**
 * JSON pointers (RFC 6901) and the plain-JSON helpers every stage uses: the addresses errors carry
 * (`/paths/~1pets/get`), `$ref` fragments, and own-key access that never reaches Object.prototype.
 * Part of generator/lib/: imports nothing of the generator.
 */

export type JsonObject = Record<string, unknown>;

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `target[key] = value` for keys from the spec: plain assignment of `__proto__` would replace the
 * prototype and the entry would be lost (JSON.parse keeps it as an own key; so must we).
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** RFC 6901 escaping of one segment: `~` -> `~0`, `/` -> `~1`. */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** RFC 6901 unescaping of one segment: `~1` -> `/`, `~0` -> `~`. */
export function decodeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** One `$ref` pointer segment: percent-decoded when it is (refs are URI fragments), then RFC 6901 unescaped. */
export function decodeRefSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  return decodeSegment(decoded);
}

/** `base` with `segments` appended, each escaped: `joinPointer('/paths', '/pets', 'get')` is `/paths/~1pets/get`. */
export function joinPointer(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((s) => `/${escapeSegment(String(s))}`).join('');
}

/** `['a', 'b/c']` -> `/a/b~1c`. */
export function formatPointer(segments: readonly string[]): string {
  return joinPointer('', ...segments);
}

/** Splits `/a/b~1c` into `['a', 'b/c']`; `''` (the whole document) into `[]`. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (!body.startsWith('/')) return [decodeSegment(body)];
  return body.slice(1).split('/').map(decodeSegment);
}

/**
 * The value at `segments` inside plain JSON data, or `undefined` when any step is missing.
 * Only own properties count, so `__proto__` or `constructor` in a pointer never reach Object.prototype.
 */
export function resolvePointer(root: unknown, segments: readonly string[]): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return { found: false, value: undefined };
      const index = Number(segment);
      if (index >= current.length) return { found: false, value: undefined };
      current = current[index];
    } else if (isObject(current)) {
      if (!Object.hasOwn(current, segment)) return { found: false, value: undefined };
      current = current[segment];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: current };
}

/** Decodes the fragment of a `$ref` (`#/components/schemas/Pet%20Type`) into a pointer. */
export function fragmentToPointer(fragment: string): string {
  const raw = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  try {
    return decodeURIComponent(raw);
  } catch {
    // A malformed percent-escape is taken literally: better a "not found" with the raw text.
    return raw;
  }
}
