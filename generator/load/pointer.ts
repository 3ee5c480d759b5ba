/**
 * JSON pointers (RFC 6901): the addresses errors carry, `/paths/~1pets/get`.
 */

/** Splits `/a/b~1c` into `['a', 'b/c']`; `''` (the whole document) into `[]`. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (!body.startsWith('/')) return [decodeSegment(body)];
  return body.slice(1).split('/').map(decodeSegment);
}

function decodeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function formatPointer(segments: readonly string[]): string {
  return segments.map((s) => '/' + escapeSegment(s)).join('');
}

export function appendPointer(pointer: string, segment: string | number): string {
  return pointer + '/' + escapeSegment(String(segment));
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
    } else if (isPlainObject(current)) {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return { found: false, value: undefined };
      current = current[segment];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: current };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
