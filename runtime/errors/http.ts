/** HTTP errors: the server answered with a non-2xx status (or a 2xx carrying the error envelope). */
import { SdkError, type ErrorContext } from './base.js';

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
