/**
 * Streamed response bodies as async iterators: NDJSON values and server-sent events, plus an SSE
 * stream that reconnects with Last-Event-ID. Pure parsers over `AsyncIterable<Uint8Array>` (an
 * undici body, a BinaryResponse stream, a fetch body); they never buffer the whole body.
 */
export { MAX_STREAM_LINE_LENGTH } from './lines.js';
export { parseNdjson, type NdjsonOptions } from './ndjson.js';
export { parseSse, type SseOptions } from './sse.js';
export { SseDecoder, type SseEvent } from './sse-decoder.js';
export {
  DEFAULT_SSE_MAX_RECONNECTS,
  DEFAULT_SSE_RETRY_MS,
  isReconnectable,
  reconnectingEventStream,
  type OpenEventStream,
  type ReconnectOptions,
} from './reconnect.js';
