/**
 * The shapes that travel through one attempt: what middleware sees and returns.
 */
import type { Readable } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';

/** One attempt's request, after shaping, defaults, auth and idempotency key. */
export interface OutgoingRequest {
  readonly method: string;
  /** Absolute URL (with credentials in the query when an apiKey scheme puts them there). */
  readonly url: string;
  /** Lower-case names. Middleware may change them. */
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | Readable | FormData | Blob | null;
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
  readonly body: Readable;
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
