/**
 * From buffered bytes to the value a call returns, or to the body an ApiError carries.
 * Content-Type is checked before JSON.parse: an HTML page from a proxy is reported as what it
 * is, not as "Unexpected token <".
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { OperationDescriptor, ResponseKind } from '../descriptor.js';
import { MAX_ERROR_BODY_BYTES, UNEXPECTED_BODY_SNIPPET_CHARS } from '../constants.js';
import { ResponseParseError, UnexpectedContentTypeError, type ErrorContext } from '../errors.js';
import { charsetOf, headerValue, isJsonMediaType, mediaTypeOf } from './headers.js';
import { utf8Decode } from '../bytes.js';

/** The body kind the descriptor declares for this status (exact, then 2XX, then default, then the first). */
export function successKind(op: OperationDescriptor, status: number): ResponseKind {
  const success = op.response.success;
  if (success.length === 0) return status === 204 ? 'empty' : 'json';
  if (success.length === 1) return success[0]!.kind;
  const code = String(status);
  let fallback: ResponseKind | undefined;
  for (const entry of success) {
    if (entry.status === code) return entry.kind;
    if (fallback === undefined && (entry.status === '2XX' || entry.status === 'default')) fallback = entry.kind;
  }
  return fallback ?? success[0]!.kind;
}

/** Kinds returned as a stream rather than buffered (NDJSON/SSE as iterators: response/event-streams.ts). */
export function isStreamedKind(kind: ResponseKind): boolean {
  return kind === 'binary' || kind === 'ndjson' || kind === 'sse';
}

export function decodeText(bytes: Uint8Array, headers: IncomingHttpHeaders): string {
  const charset = charsetOf(headerValue(headers, 'content-type'));
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') {
    return utf8Decode(bytes);
  }
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is the best guess and better than failing the call.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * Media types that are certainly not text: their bodies are streamed as a BinaryResponse even
 * when the operation declared JSON (a tarball behind a redirect, a raw media type the caller
 * asked for), instead of being buffered and failing a JSON parse.
 */
export function isBinaryMediaType(contentType: string | undefined): boolean {
  const mediaType = mediaTypeOf(contentType);
  if (mediaType === '' || charsetOf(contentType) !== undefined) return false;
  if (mediaType.startsWith('text/') || isJsonMediaType(mediaType)) return false;
  if (mediaType.endsWith('+xml') || mediaType.endsWith('/xml') || mediaType.endsWith('+yaml')) return false;
  if (mediaType === 'application/x-www-form-urlencoded' || mediaType === 'application/javascript') return false;
  if (mediaType === 'application/x-ndjson' || mediaType === 'application/yaml') return false;
  return true;
}

/**
 * A 2xx body, decoded by the Content-Type that arrived (the spec can be wrong or the caller may
 * have asked for another media type):
 * - empty -> undefined ('' for text);
 * - JSON types -> parsed (malformed: ResponseParseError);
 * - HTML where JSON was declared -> UnexpectedContentTypeError (a proxy's error page);
 * - other text -> parsed when it is JSON, else returned as text;
 * - declared text -> text, whatever the type.
 */
export function decodeSuccessBody(
  kind: ResponseKind,
  status: number,
  headers: IncomingHttpHeaders,
  bytes: Uint8Array,
  contextOf: () => ErrorContext,
): unknown {
  if (bytes.byteLength === 0) return kind === 'text' ? '' : undefined;
  const text = decodeText(bytes, headers);
  if (kind === 'text') return text;
  const contentType = headerValue(headers, 'content-type');
  const mediaType = mediaTypeOf(contentType);
  if (mediaType === 'text/html' && kind === 'json') {
    const context = contextOf();
    throw new UnexpectedContentTypeError(
      `${context.method} ${context.url}: expected JSON but got ${contentType} (status ${status}): ${snippet(text)}`,
      { ...context, status, contentType, bodySnippet: snippet(text) },
    );
  }
  const declaredJson = mediaType === '' || isJsonMediaType(mediaType);
  if (!declaredJson && !looksLikeJson(text)) return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!declaredJson) return text;
    const context = contextOf();
    throw new ResponseParseError(
      `${context.method} ${context.url}: the ${status} response is not valid JSON (${(error as Error).message}); body starts: ${snippet(text)}`,
      { ...context, status, cause: error },
    );
  }
}

/** Body of an error response: JSON when it is JSON, else text; capped at MAX_ERROR_BODY_BYTES. */
export function decodeErrorBody(headers: IncomingHttpHeaders, bytes: Uint8Array, truncated: boolean): unknown {
  if (bytes.byteLength === 0) return undefined;
  const text = decodeText(bytes, headers);
  if (!truncated && isJsonMediaType(mediaTypeOf(headerValue(headers, 'content-type')))) {
    try {
      return JSON.parse(text);
    } catch {
      // A broken JSON error body is still worth showing as text.
    }
  }
  return truncated ? `${text}... [truncated at ${MAX_ERROR_BODY_BYTES} bytes]` : text;
}

/** Reads a dotted path (`$.error`, `error.code`) from a parsed body. */
export function valueAtPath(body: unknown, path: string): unknown {
  const parts = path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter((p) => p !== '');
  let current: unknown = body;
  for (const part of parts) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[' || first === '"';
}

function snippet(text: string): string {
  const cut = text.slice(0, UNEXPECTED_BODY_SNIPPET_CHARS);
  return cut.length < text.length ? `${cut}...` : cut;
}
