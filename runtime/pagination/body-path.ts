/**
 * The dotted body paths pagination descriptors use (`$.items`, `$.meta.next_cursor`, `$`).
 * Only member access: the descriptors never need filters or wildcards, so no JSONPath library.
 */

const compiled = new Map<string, readonly string[]>();

/** `$.a.b` -> ['a', 'b']; `$` or '' -> [] (the body itself). Cached: paths come from descriptors. */
function segmentsOf(path: string): readonly string[] {
  let segments = compiled.get(path);
  if (segments === undefined) {
    const trimmed = path.startsWith('$') ? path.slice(1) : path;
    segments = trimmed.split('.').filter((segment) => segment !== '');
    compiled.set(path, segments);
  }
  return segments;
}

/** The value at `path` in `body`, or undefined when any step is missing or not an object. */
export function readBodyPath(body: unknown, path: string): unknown {
  let current: unknown = body;
  for (const segment of segmentsOf(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
