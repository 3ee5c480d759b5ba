/**
 * The shapes that travel through one attempt: what middleware sees and returns.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { BodySource } from './body-source.js';

/**
 * A request body as the transports send it. A stream is any async iterable of bytes (a Node
 * Readable is one) or a web ReadableStream: undici sends either, fetch gets a ReadableStream.
 */
export type RequestBody = string | Uint8Array | ByteStream | FormData | Blob;

/** A stream of bytes: an async iterable (a Node Readable is one) or a web ReadableStream. */
export type ByteStream = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/** One attempt's request, after shaping, defaults, auth and idempotency key. */
export interface OutgoingRequest {
  readonly method: string;
  /** Absolute URL (with credentials in the query when an apiKey scheme puts them there). */
  readonly url: string;
  /** Lower-case names. Middleware may change them. */
  readonly headers: Record<string, string>;
  readonly body: RequestBody | null;
  /** 1-based attempt number within the call. */
  readonly attempt: number;
  /** The operation descriptor's id, for logs. */
  readonly operationId: string;
  /** Fires when this attempt must stop (caller's abort, read timeout, deadline). */
  readonly signal: AbortSignal;
}

/** One attempt's response at headers time; the body is not consumed yet (already decompressed). */
export interface IncomingResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** undici's body on Node (a Readable), the fetch Response's stream elsewhere (response/body-source.ts). */
  readonly body: BodySource;
  /** The URL that produced this response (after redirects). */
  readonly url: string;
}

export type NextFn = (request: OutgoingRequest) => Promise<IncomingResponse>;

/**
 * Runs around every attempt (inside the retry loop, like Anthropic's middleware): may change the
 * request, inspect or replace the response, or call `next` again. Errors it throws are raised
 * as-is and not retried.
 */
export type Middleware = (request: OutgoingRequest, next: NextFn) => Promise<IncomingResponse>;

/**
 * Where a request goes, split once so the success path never re-parses URLs. (Also the shape
 * send() takes: `request.url` may differ when middleware rewrote it.)
 */
export interface Target {
  /** `https://host:port` */
  readonly origin: string;
  /** Path and query, starting with '/'. */
  readonly path: string;
  /** origin + path (what middleware and logs see). */
  readonly url: string;
}

/**
 * An abort switch the transport listens to: undici takes this EventEmitter shape as `signal`
 * (transport/attempt-abort.ts is the cheap implementation the engine uses).
 */
export interface AbortSwitch {
  readonly aborted: boolean;
  readonly signal: AbortSignal;
}

/**
 * The bottom layer of the engine: one HTTP exchange, resolved at response headers, body
 * decompressed. Nothing above it touches the wire, so another platform swaps only this.
 */
export type Transport = (request: OutgoingRequest, target: Target, abort: AbortSwitch) => Promise<IncomingResponse>;
