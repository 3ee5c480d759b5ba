/** Classifying media types, shared by request bodies and responses. */
import type { ResponseKind } from '../../runtime/descriptor.js';

export type MediaFamily = 'json' | 'form' | 'multipart' | 'binary' | 'text' | 'ndjson' | 'sse';

/** Request bodies: the order a caller would want us to pick when several are offered. */
const REQUEST_PREFERENCE: readonly MediaFamily[] = ['json', 'form', 'multipart', 'binary', 'text'];

export function mediaFamily(mediaType: string): MediaFamily {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/event-stream') return 'sse';
  if (
    type === 'application/x-ndjson' ||
    type === 'application/ndjson' ||
    type === 'application/jsonl' ||
    type === 'application/x-jsonlines'
  )
    return 'ndjson';
  if (type === 'application/json' || type.endsWith('+json') || type === '*/json' || type === 'application/*+json')
    return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type.startsWith('multipart/')) return 'multipart';
  if (type.startsWith('text/')) return 'text';
  return 'binary';
}

/** The request media type to use: JSON first, then form, multipart, octet-stream, text. */
export function chooseRequestMediaType(mediaTypes: readonly string[]): string | undefined {
  const sorted = [...mediaTypes].sort();
  for (const family of REQUEST_PREFERENCE) {
    const found = sorted.find((m) => mediaFamily(m) === family);
    if (found !== undefined) return found;
  }
  return sorted[0];
}

/** Response kind and the chosen media type: JSON first, then streams, text, binary. */
export function chooseResponseMediaType(mediaTypes: readonly string[]): { kind: ResponseKind; mediaType?: string } {
  if (mediaTypes.length === 0) return { kind: 'empty' };
  const sorted = [...mediaTypes].sort();
  const order: readonly [MediaFamily, ResponseKind][] = [
    ['json', 'json'],
    ['sse', 'sse'],
    ['ndjson', 'ndjson'],
    ['text', 'text'],
    ['binary', 'binary'],
    ['form', 'text'],
    ['multipart', 'binary'],
  ];
  for (const [family, kind] of order) {
    const found = sorted.find((m) => mediaFamily(m) === family);
    if (found !== undefined) return { kind, mediaType: found };
  }
  return { kind: 'binary', mediaType: sorted[0]! };
}
