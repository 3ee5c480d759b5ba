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

/** Kinds returned as a stream rather than buffered (NDJSON/SSE get iterators later). */
export function isStreamedKind(kind: ResponseKind): boolean {
  return kind === 'binary' || kind === 'ndjson' || kind === 'sse';
}

export function decodeText(bytes: Uint8Array, headers: IncomingHttpHeaders): string {
  const charset = charsetOf(headerValue(headers, 'content-type'));
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') {
    return Buffer.isBuffer(bytes) ? bytes.toString('utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is the best guess and better than failing the call.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * A 2xx body for the declared kind. JSON: undefined when empty; HTML is an
 * UnexpectedContentTypeError; a non-JSON type is still parsed when it parses (many APIs say
 * text/plain), else reported as unexpected.
 */
export function decodeSuccessBody(
  kind: ResponseKind,
  status: number,
  headers: IncomingHttpHeaders,
  bytes: Uint8Array,
  contextOf: () => ErrorContext,
): unknown {
  if (kind === 'empty' || bytes.byteLength === 0) return kind === 'text' ? '' : undefined;
  if (kind === 'text') return decodeText(bytes, headers);
  const contentType = headerValue(headers, 'content-type');
  const mediaType = mediaTypeOf(contentType);
  const text = decodeText(bytes, headers);
  if (mediaType === 'text/html' || (mediaType !== '' && !isJsonMediaType(mediaType) && !looksLikeJson(text))) {
    const context = contextOf();
    throw new UnexpectedContentTypeError(
      `${context.method} ${context.url}: expected JSON but got ${contentType ?? 'no Content-Type'} (status ${status}): ${snippet(text)}`,
      { ...context, status, contentType, bodySnippet: snippet(text) },
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
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
  const parts = path.replace(/^\$\.?/, '').split('.').filter((p) => p !== '');
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
