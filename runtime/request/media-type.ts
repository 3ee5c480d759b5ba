/** Which encoder a request media type needs. Computed once per operation (see plan.ts). */
export type BodyEncoding = 'json' | 'form' | 'multipart' | 'text' | 'binary';

/** The default when a spec says a wildcard (`*\/*`, `application/*`) and the value has no type. */
export const DEFAULT_BINARY_CONTENT_TYPE = 'application/octet-stream';

/** Text bodies are always sent as UTF-8 (JS strings are encoded so); we say it explicitly. */
const TEXT_CHARSET_SUFFIX = '; charset=utf-8';

const HAS_CHARSET = /;\s*charset=/i;

export function bodyEncodingOf(mediaType: string): BodyEncoding {
  const essence = mediaType.split(';', 1)[0].trim().toLowerCase();
  const slash = essence.indexOf('/');
  const type = essence.slice(0, slash);
  const subtype = essence.slice(slash + 1);
  if (subtype === 'json' || subtype.endsWith('+json')) return 'json';
  if (essence === 'application/x-www-form-urlencoded') return 'form';
  if (essence === 'multipart/form-data') return 'multipart';
  if (type === 'text') return 'text';
  return 'binary';
}

/**
 * The Content-Type header for a spec media type: wildcards are not sendable, so they fall back
 * to what the value says (a Blob's `type`) or octet-stream; text gets an explicit charset.
 */
export function contentTypeFor(mediaType: string, encoding: BodyEncoding, valueType?: string): string {
  if (mediaType.includes('*')) return valueType || DEFAULT_BINARY_CONTENT_TYPE;
  if (encoding === 'text' && !HAS_CHARSET.test(mediaType)) return mediaType + TEXT_CHARSET_SUFFIX;
  return mediaType;
}
