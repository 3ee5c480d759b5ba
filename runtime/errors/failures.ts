/** Errors without a usable HTTP error status: transport, timeouts, cancellation, limits, bad 2xx bodies, misuse. */
import { SdkError, type ErrorContext } from './base.js';

// Transport errors: no (usable) response.

/** The connection failed: refused, reset, DNS, socket closed. */
export class ConnectionError extends SdkError {
  /** The system or undici code behind it (ECONNREFUSED, ECONNRESET, ENOTFOUND, UND_ERR_SOCKET ...). */
  readonly systemCode: string | undefined;
  constructor(message: string, context: ErrorContext & { readonly systemCode?: string | undefined } = {}) {
    super(message, context);
    this.systemCode = context.systemCode;
  }
}
/** TLS handshake or certificate verification failed. */
export class TlsError extends ConnectionError {}
/** The proxy refused, failed or asked for authentication. */
export class ProxyError extends ConnectionError {}

export type TimeoutKind = 'connect' | 'read' | 'total';

/** One of our timeouts fired. `timeoutMs` is the setting that was exceeded. */
export class TimeoutError extends SdkError {
  readonly timeoutMs: number;
  constructor(message: string, context: ErrorContext & { readonly timeoutMs: number }) {
    super(message, context);
    this.timeoutMs = context.timeoutMs;
  }
}
/** TCP + TLS not established within `timeout.connect`. The server never saw the request. */
export class ConnectTimeoutError extends TimeoutError {}
/** No response headers within `timeout.read`, or a gap between body chunks longer than it. */
export class ReadTimeoutError extends TimeoutError {
  readonly phase: 'headers' | 'body';
  constructor(
    message: string,
    context: ErrorContext & { readonly timeoutMs: number; readonly phase: 'headers' | 'body' },
  ) {
    super(message, context);
    this.phase = context.phase;
  }
}
/** The whole call (all attempts, backoff and queueing) exceeded `timeout.total`. */
export class DeadlineExceededError extends TimeoutError {}

/** The caller's AbortSignal fired. Distinct from timeouts: nobody should retry this. */
export class AbortError extends SdkError {}

/** The client already has `maxConcurrency` calls in flight and `maxQueue` waiting. */
export class PoolExhaustedError extends SdkError {
  readonly maxConcurrency: number;
  readonly maxQueue: number;
  constructor(message: string, context: ErrorContext & { readonly maxConcurrency: number; readonly maxQueue: number }) {
    super(message, context);
    this.maxConcurrency = context.maxConcurrency;
    this.maxQueue = context.maxQueue;
  }
}

/** A circuit breaker for the origin is open: failing fast instead of piling onto a sick server. */
export class CircuitOpenError extends SdkError {
  readonly retryAfterMs: number | undefined;
  constructor(message: string, context: ErrorContext & { readonly retryAfterMs?: number } = {}) {
    super(message, context);
    this.retryAfterMs = context.retryAfterMs;
  }
}

export class TooManyRedirectsError extends SdkError {
  readonly maxRedirects: number;
  constructor(message: string, context: ErrorContext & { readonly maxRedirects: number }) {
    super(message, context);
    this.maxRedirects = context.maxRedirects;
  }
}

// Response errors: a 2xx arrived but it is not what the operation promised.

export class UnexpectedContentTypeError extends SdkError {
  readonly status: number;
  readonly contentType: string | undefined;
  /** The first characters of the body (an HTML error page from a proxy, usually). */
  readonly bodySnippet: string;
  constructor(
    message: string,
    context: ErrorContext & {
      readonly status: number;
      readonly contentType: string | undefined;
      readonly bodySnippet: string;
    },
  ) {
    super(message, context);
    this.status = context.status;
    this.contentType = context.contentType;
    this.bodySnippet = context.bodySnippet;
  }
}

export class ResponseParseError extends SdkError {
  readonly status: number | undefined;
  constructor(message: string, context: ErrorContext & { readonly status?: number } = {}) {
    super(message, context);
    this.status = context.status;
  }
}

/** One way a 2xx body differs from the spec's schema (path and keyword, never the value). */
export interface ResponseValidationIssue {
  /** JSON pointer into the body, `''` for the root. */
  readonly path: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `enum`, ...). */
  readonly keyword: string;
  readonly message: string;
}

/**
 * `validate: 'strict'` and a 2xx body that does not match the spec's schema. `body` holds the
 * decoded body (non-enumerable, so logging the error never prints response data).
 */
export class ResponseValidationError extends SdkError {
  readonly issues: readonly ResponseValidationIssue[];
  readonly operationId: string | undefined;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  declare readonly body: unknown;
  constructor(
    message: string,
    context: ErrorContext & {
      readonly issues?: readonly ResponseValidationIssue[];
      readonly operationId?: string;
      readonly status?: number;
      readonly requestId?: string | undefined;
      readonly body?: unknown;
    } = {},
  ) {
    super(message, context);
    this.issues = context.issues ?? [];
    this.operationId = context.operationId;
    this.status = context.status;
    this.requestId = context.requestId;
    Object.defineProperty(this, 'body', {
      value: context.body,
      enumerable: false,
      writable: false,
      configurable: true,
    });
  }
}

export class PaginationError extends SdkError {}

/**
 * The caller passed something the SDK cannot use (a negative timeout, a missing path parameter,
 * a header with CR/LF): a bug to fix in the calling code, not an outage to retry or alert on.
 */
export class InvalidArgumentError extends SdkError {}

/**
 * A 2xx body the call would buffer (JSON, text) is larger than `maxResponseBytes`: refused before
 * reading when Content-Length says so, else as soon as the (decoded) body crosses the limit, so a
 * huge or decompression-bomb body never sits in memory whole. Never retried.
 */
export class ResponseTooLargeError extends SdkError {
  readonly status: number;
  /** The limit that was exceeded (bytes, after decompression). */
  readonly limitBytes: number;
  /** The announced Content-Length, when the server sent one. */
  readonly contentLength: number | undefined;
  constructor(
    message: string,
    context: ErrorContext & {
      readonly status: number;
      readonly limitBytes: number;
      readonly contentLength?: number | undefined;
    },
  ) {
    super(message, context);
    this.status = context.status;
    this.limitBytes = context.limitBytes;
    this.contentLength = context.contentLength;
  }
}
