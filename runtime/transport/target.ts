/** Splitting an absolute URL into where a request goes (origin, path and query), once. */
import type { Target } from './types.js';

export function targetOf(url: string): Target {
  const parsed = new URL(url);
  return { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}`, url: parsed.href };
}
