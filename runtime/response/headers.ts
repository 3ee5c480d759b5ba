/** Small helpers over undici's response headers (lower-case names; a value may be repeated). */
import type { IncomingHttpHeaders } from 'node:http';
import { REQUEST_ID_HEADERS } from '../constants.js';

/** The first value of a header (undici gives arrays for repeated ones). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value[0] : value;
}

/** `charset` parameter of a Content-Type, lower-cased, when present. */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match ? match[1]!.toLowerCase() : undefined;
}

/** The media type without parameters, lower-cased: `application/json; charset=utf-8` -> `application/json`. */
export function mediaTypeOf(contentType: string | undefined): string {
  if (!contentType) return '';
  const semi = contentType.indexOf(';');
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

/** `application/json`, `application/problem+json`, `application/vnd.x+json`, `text/json`. */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType === 'text/json';
}

/** The request id from the configured header, else the well-known ones. */
export function requestIdOf(headers: IncomingHttpHeaders, configured: string | undefined): string | undefined {
  if (configured) {
    const value = headerValue(headers, configured.toLowerCase());
    if (value) return value;
  }
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers[name];
    if (value !== undefined) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Flattens repeated headers to one comma-joined string per name (set-cookie joined with '\n'-free ', '). */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
