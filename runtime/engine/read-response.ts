/**
 * The end of an attempt: reads the final response's body under the read timer. An error status
 * is read capped and decoded for the error; a 2xx buffered kind is read up to maxResponseBytes;
 * streamed kinds and binary media types are handed over unread.
 */
import { MAX_ERROR_BODY_BYTES } from '../constants.js';
import { ResponseTooLargeError } from '../errors.js';
import { redactUrl } from '../redact.js';
import { decodeErrorBody, isBinaryMediaType, isStreamedKind, successKind } from '../response/decode-body.js';
import { headerValue } from '../response/headers.js';
import { discardBody, readBody, type BufferedBody, type ChunkWatcher } from '../response/read-body.js';
import type { BodySource } from '../transport/body-source.js';
import { TransportFailure, type AttemptResult, type CallState, type Exchange } from './types.js';

export async function readResponse(
  call: CallState,
  exchange: Exchange,
  readTimer: ChunkWatcher,
): Promise<AttemptResult> {
  const { status, headers, url, body } = exchange.response;
  if (status < 200 || status >= 300) {
    const sentHeaders = exchange.request.headers;
    if (exchange.bodyDrained) return { kind: 'status', status, headers, url, body: undefined, sentHeaders };
    const read = await readOnWire(body, readTimer, MAX_ERROR_BODY_BYTES);
    return {
      kind: 'status',
      status,
      headers,
      url,
      body: decodeErrorBody(headers, read.bytes, read.truncated),
      sentHeaders,
    };
  }
  const bodyKind = successKind(call.op, status);
  if (isStreamedKind(bodyKind) || (bodyKind !== 'text' && isBinaryMediaType(headerValue(headers, 'content-type')))) {
    return { kind: 'success', status, headers, url, bodyKind, bytes: undefined, stream: body };
  }
  const limit = call.maxResponseBytes;
  // Announced too large: refuse before reading a byte (and close that connection).
  const announced = Number(headerValue(headers, 'content-length'));
  const knownLength = Number.isSafeInteger(announced) ? announced : undefined;
  if (knownLength !== undefined && knownLength > limit && headerValue(headers, 'content-encoding') === undefined) {
    discardBody(body);
    throw tooLarge(call, url, status, knownLength);
  }
  const { bytes, truncated } = await readOnWire(body, readTimer, limit);
  // Crossed the limit while reading (chunked, or decompressing): readBody destroyed the stream there.
  if (truncated) throw tooLarge(call, url, status, knownLength);
  // Decoding happens later, when (and if) the caller asks for data: see response/call-result.ts.
  return { kind: 'success', status, headers, url, bodyKind, bytes, stream: undefined };
}

/** A failure while reading is a transport failure (reset, stall), classified like one. */
async function readOnWire(body: BodySource, readTimer: ChunkWatcher, limit: number): Promise<BufferedBody> {
  try {
    return await readBody(body, readTimer, limit);
  } catch (error) {
    throw new TransportFailure(error);
  }
}

function tooLarge(
  call: CallState,
  url: string,
  status: number,
  contentLength: number | undefined,
): ResponseTooLargeError {
  const limit = call.maxResponseBytes;
  return new ResponseTooLargeError(
    `${call.method} ${redactUrl(url, call.secrets.query)}: the ${status} response body is larger than maxResponseBytes (${limit} bytes)` +
      (contentLength === undefined ? '' : `: Content-Length ${contentLength}`) +
      '; raise maxResponseBytes for this call, or declare the response as binary to stream it',
    { status, limitBytes: limit, contentLength },
  );
}
