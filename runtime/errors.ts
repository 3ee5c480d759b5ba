/**
 * The error tree every generated SDK exports.
 *
 * One hierarchy for HTTP, network, timeout and abort failures so callers can branch with
 * `instanceof` at the level they care about (`TimeoutError` or just `ReadTimeoutError`).
 * Every error carries `attempts`: the history of tries behind it, so a log line says
 * "failed after 3 attempts: 503, 503, ECONNRESET" instead of a bare last status.
 *
 * Secrets: errors only ever hold a redacted URL and redacted headers (the client redacts before
 * constructing). The underlying transport error goes into the non-enumerable `cause`.
 *
 * Across SDKs: every generated SDK vendors its own copy of this file, so an app using two of them
 * has two `NotFoundError` classes. Each class has a stable `code` and a brand,
 * `Symbol.for('sdkgen.error.<code>')`, and `instanceof` checks the brand (as undici's
 * lib/core/errors.js does): an error of one SDK is an instance of the other's class of the same
 * code. The class list with its codes is ERROR_CODES at the end of this file.
 */

/** One try of a call: what came back (a status or an error code) and how long we waited before it. */
export interface Attempt {
  /** 1-based attempt number. */
  readonly attempt: number;
  /** HTTP status when a response arrived. */
  readonly status?: number;
  /** Error code when no response arrived (ECONNRESET, UND_ERR_CONNECT_TIMEOUT, READ_TIMEOUT ...). */
  readonly errorCode?: string;
  /** Backoff slept before this attempt (0 for the first). */
  readonly delayMs: number;
}

/** What every runtime error may know about the call that failed. */
export interface ErrorContext {
  readonly method?: string;
  /** Redacted URL (credentials removed). */
  readonly url?: string;
  readonly attempts?: readonly Attempt[];
  readonly cause?: unknown;
}

export class SdkError extends Error {
  /**
   * Stable across versions and across SDKs (`SDK_ERR_NOT_FOUND`, `SDK_ERR_READ_TIMEOUT` ...):
   * branch on it in logs and alerts. Set per class (ERROR_CODES below), not per instance.
   */
  declare readonly code: string;
  /** HTTP method of the failed call, when the error belongs to one. */
  method: string | undefined;
  /** Redacted URL of the failed call (the last one, after redirects). */
  url: string | undefined;
  /** Every try of the call, in order. Empty when the call never reached the network. */
  attempts: readonly Attempt[];

  constructor(message: string, context: ErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.method = context.method;
    this.url = context.url;
    this.attempts = context.attempts ?? [];
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP errors: the server answered with a non-2xx status (or a 2xx carrying the error envelope).

export interface ApiErrorInit<TBody = unknown> extends ErrorContext {
  readonly status: number;
  /** Response headers, lower-case names, sensitive ones redacted. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: TBody;
  readonly requestId?: string | undefined;
  readonly method: string;
  readonly url: string;
  /** Delay the server asked for (Retry-After / retry-after-ms), in ms. */
  readonly retryAfterMs?: number | undefined;
  /** Override the generated message. */
  readonly message?: string;
}

export class ApiError<TBody = unknown> extends SdkError {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body when the server sent JSON, else the text (capped). */
  readonly body: TBody;
  readonly requestId: string | undefined;
  declare method: string;
  declare url: string;
  /**
   * The delay the server asked for before a retry, in ms (Retry-After or retry-after-ms), when it
   * sent one. Set on every status; documented on RateLimitError because that is where it matters.
   */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit<TBody>) {
    super(init.message ?? describeApiError(init), init);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** The longest server-provided message we copy into `err.message`; the full body is on `err.body`. */
const MESSAGE_DETAIL_MAX_CHARS = 300;

function describeApiError(init: ApiErrorInit<unknown>): string {
  const detail = bodyDetail(init.body);
  const rid = init.requestId ? ` (request id ${init.requestId})` : '';
  return `${init.status} ${init.method} ${init.url}${detail ? `: ${detail}` : ''}${rid}`;
}

/** Picks the human part of common error bodies: {error: {message}}, {message}, {error}, {detail}, text. */
function bodyDetail(body: unknown): string {
  let text: unknown = body;
  if (body !== null && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const error = record.error;
    if (error !== null && typeof error === 'object' && typeof (error as Record<string, unknown>).message === 'string') {
      text = (error as Record<string, unknown>).message;
    } else if (typeof record.message === 'string') text = record.message;
    else if (typeof error === 'string') text = error;
    else if (typeof record.detail === 'string') text = record.detail;
    else if (typeof record.title === 'string') text = record.title;
    else text = undefined;
  }
  if (typeof text !== 'string' || text.length === 0) return '';
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MESSAGE_DETAIL_MAX_CHARS ? `${oneLine.slice(0, MESSAGE_DETAIL_MAX_CHARS)}...` : oneLine;
}

export class BadRequestError<TBody = unknown> extends ApiError<TBody> {}
export class AuthenticationError<TBody = unknown> extends ApiError<TBody> {}
export class PaymentRequiredError<TBody = unknown> extends ApiError<TBody> {}
export class PermissionDeniedError<TBody = unknown> extends ApiError<TBody> {}
export class NotFoundError<TBody = unknown> extends ApiError<TBody> {}
export class MethodNotAllowedError<TBody = unknown> extends ApiError<TBody> {}
/** 408 from the server (distinct from our own client-side TimeoutError). */
export class RequestTimeoutStatusError<TBody = unknown> extends ApiError<TBody> {}
export class ConflictError<TBody = unknown> extends ApiError<TBody> {}
export class GoneError<TBody = unknown> extends ApiError<TBody> {}
export class PreconditionFailedError<TBody = unknown> extends ApiError<TBody> {}
export class PayloadTooLargeError<TBody = unknown> extends ApiError<TBody> {}
export class UnsupportedMediaTypeError<TBody = unknown> extends ApiError<TBody> {}
export class UnprocessableEntityError<TBody = unknown> extends ApiError<TBody> {}
/** 429. `retryAfterMs` says when the server wants to hear from us again (when it said). */
export class RateLimitError<TBody = unknown> extends ApiError<TBody> {}
/** Any status >= 500. */
export class InternalServerError<TBody = unknown> extends ApiError<TBody> {}
export class NotImplementedError<TBody = unknown> extends InternalServerError<TBody> {}
export class BadGatewayError<TBody = unknown> extends InternalServerError<TBody> {}
export class ServiceUnavailableError<TBody = unknown> extends InternalServerError<TBody> {}
export class GatewayTimeoutError<TBody = unknown> extends InternalServerError<TBody> {}

type ApiErrorClass = new (init: ApiErrorInit<unknown>) => ApiError<unknown>;

const API_ERROR_BY_STATUS: ReadonlyMap<number, ApiErrorClass> = new Map<number, ApiErrorClass>([
  [400, BadRequestError],
  [401, AuthenticationError],
  [402, PaymentRequiredError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [405, MethodNotAllowedError],
  [408, RequestTimeoutStatusError],
  [409, ConflictError],
  [410, GoneError],
  [412, PreconditionFailedError],
  [413, PayloadTooLargeError],
  [415, UnsupportedMediaTypeError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [501, NotImplementedError],
  [502, BadGatewayError],
  [503, ServiceUnavailableError],
  [504, GatewayTimeoutError],
]);

/** The most specific ApiError subclass for a status (>= 500 falls back to InternalServerError). */
export function apiErrorForStatus<TBody = unknown>(init: ApiErrorInit<TBody>): ApiError<TBody> {
  const ctor = API_ERROR_BY_STATUS.get(init.status) ?? (init.status >= 500 ? InternalServerError : ApiError);
  return new ctor(init) as ApiError<TBody>;
}

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
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

type ErrorClass = abstract new (...args: never[]) => SdkError;

/**
 * Every error class of the runtime and its stable code, in one place. A code never changes and is
 * never reused; a new class gets a new code. `SDK_ERR_` like undici's `UND_ERR_`.
 */
export const ERROR_CODES: ReadonlyMap<ErrorClass, string> = new Map<ErrorClass, string>([
  [SdkError, 'SDK_ERR'],
  [InvalidArgumentError, 'SDK_ERR_INVALID_ARGUMENT'],
  [ApiError, 'SDK_ERR_API'],
  [BadRequestError, 'SDK_ERR_BAD_REQUEST'],
  [AuthenticationError, 'SDK_ERR_AUTHENTICATION'],
  [PaymentRequiredError, 'SDK_ERR_PAYMENT_REQUIRED'],
  [PermissionDeniedError, 'SDK_ERR_PERMISSION_DENIED'],
  [NotFoundError, 'SDK_ERR_NOT_FOUND'],
  [MethodNotAllowedError, 'SDK_ERR_METHOD_NOT_ALLOWED'],
  [RequestTimeoutStatusError, 'SDK_ERR_REQUEST_TIMEOUT_STATUS'],
  [ConflictError, 'SDK_ERR_CONFLICT'],
  [GoneError, 'SDK_ERR_GONE'],
  [PreconditionFailedError, 'SDK_ERR_PRECONDITION_FAILED'],
  [PayloadTooLargeError, 'SDK_ERR_PAYLOAD_TOO_LARGE'],
  [UnsupportedMediaTypeError, 'SDK_ERR_UNSUPPORTED_MEDIA_TYPE'],
  [UnprocessableEntityError, 'SDK_ERR_UNPROCESSABLE_ENTITY'],
  [RateLimitError, 'SDK_ERR_RATE_LIMIT'],
  [InternalServerError, 'SDK_ERR_INTERNAL_SERVER'],
  [NotImplementedError, 'SDK_ERR_NOT_IMPLEMENTED'],
  [BadGatewayError, 'SDK_ERR_BAD_GATEWAY'],
  [ServiceUnavailableError, 'SDK_ERR_SERVICE_UNAVAILABLE'],
  [GatewayTimeoutError, 'SDK_ERR_GATEWAY_TIMEOUT'],
  [ConnectionError, 'SDK_ERR_CONNECTION'],
  [TlsError, 'SDK_ERR_TLS'],
  [ProxyError, 'SDK_ERR_PROXY'],
  [TimeoutError, 'SDK_ERR_TIMEOUT'],
  [ConnectTimeoutError, 'SDK_ERR_CONNECT_TIMEOUT'],
  [ReadTimeoutError, 'SDK_ERR_READ_TIMEOUT'],
  [DeadlineExceededError, 'SDK_ERR_DEADLINE_EXCEEDED'],
  [AbortError, 'SDK_ERR_ABORTED'],
  [PoolExhaustedError, 'SDK_ERR_POOL_EXHAUSTED'],
  [CircuitOpenError, 'SDK_ERR_CIRCUIT_OPEN'],
  [TooManyRedirectsError, 'SDK_ERR_TOO_MANY_REDIRECTS'],
  [UnexpectedContentTypeError, 'SDK_ERR_UNEXPECTED_CONTENT_TYPE'],
  [ResponseParseError, 'SDK_ERR_RESPONSE_PARSE'],
  [ResponseValidationError, 'SDK_ERR_RESPONSE_VALIDATION'],
  [PaginationError, 'SDK_ERR_PAGINATION'],
  [ResponseTooLargeError, 'SDK_ERR_RESPONSE_TOO_LARGE'],
]);

/** The brand of each class above; a class not in the map (a caller's subclass) has none. */
const BRANDS = new WeakMap<object, symbol>();

/**
 * `instanceof` for every class in ERROR_CODES: true when the value carries the class's brand,
 * whichever SDK's copy of this file made it. A caller's own subclass (no brand) keeps the
 * ordinary prototype check.
 */
function hasBrand(this: object, value: unknown): boolean {
  const brand = BRANDS.get(this);
  if (brand === undefined) return Function.prototype[Symbol.hasInstance].call(this, value);
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

for (const [ctor, code] of ERROR_CODES) {
  const brand = Symbol.for(`sdkgen.error.${code}`);
  BRANDS.set(ctor, brand);
  // On prototypes, not instances: shown in stacks and String(err), no per-instance field, and
  // out of JSON.stringify; the brand is inherited along the class chain.
  Object.defineProperty(ctor.prototype, 'name', { value: ctor.name, writable: true, configurable: true });
  Object.defineProperty(ctor.prototype, 'code', { value: code, writable: true, configurable: true });
  Object.defineProperty(ctor.prototype, brand, { value: true });
}
Object.defineProperty(SdkError, Symbol.hasInstance, { value: hasBrand, configurable: true });
