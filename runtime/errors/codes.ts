/**
 * Every error class with its stable code (and, for HTTP errors, its status) in one table, and the
 * brands `instanceof` checks across SDKs (see base.ts). Loaded by runtime/errors.ts, so a class
 * is branded before any code can throw it.
 */
import { SdkError } from './base.js';
import {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadGatewayError,
  BadRequestError,
  ConflictError,
  GatewayTimeoutError,
  GoneError,
  InternalServerError,
  MethodNotAllowedError,
  NotFoundError,
  NotImplementedError,
  PayloadTooLargeError,
  PaymentRequiredError,
  PermissionDeniedError,
  PreconditionFailedError,
  RateLimitError,
  RequestTimeoutStatusError,
  ServiceUnavailableError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
} from './http.js';
import {
  AbortError,
  CircuitOpenError,
  ConnectTimeoutError,
  ConnectionError,
  DeadlineExceededError,
  InvalidArgumentError,
  PaginationError,
  PoolExhaustedError,
  ProxyError,
  ReadTimeoutError,
  ResponseParseError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
  TlsError,
  TooManyRedirectsError,
  UnexpectedContentTypeError,
} from './failures.js';
import { errorClassName } from './class-name.js';

type ApiErrorClass = new (init: ApiErrorInit<unknown>) => ApiError<unknown>;

type ErrorClass = abstract new (...args: never[]) => SdkError;

/**
 * Every error class of the runtime and its stable code, in one place. A code never changes and is
 * never reused; a new class gets a new code. `SDK_ERR_` like undici's `UND_ERR_`.
 */
/** The table: class, stable code, and the HTTP status an ApiError subclass stands for. */
const ERROR_TABLE: readonly (readonly [ErrorClass, string, number?])[] = [
  [SdkError, 'SDK_ERR'],
  [InvalidArgumentError, 'SDK_ERR_INVALID_ARGUMENT'],
  [ApiError, 'SDK_ERR_API'],
  [BadRequestError, 'SDK_ERR_BAD_REQUEST', 400],
  [AuthenticationError, 'SDK_ERR_AUTHENTICATION', 401],
  [PaymentRequiredError, 'SDK_ERR_PAYMENT_REQUIRED', 402],
  [PermissionDeniedError, 'SDK_ERR_PERMISSION_DENIED', 403],
  [NotFoundError, 'SDK_ERR_NOT_FOUND', 404],
  [MethodNotAllowedError, 'SDK_ERR_METHOD_NOT_ALLOWED', 405],
  [RequestTimeoutStatusError, 'SDK_ERR_REQUEST_TIMEOUT_STATUS', 408],
  [ConflictError, 'SDK_ERR_CONFLICT', 409],
  [GoneError, 'SDK_ERR_GONE', 410],
  [PreconditionFailedError, 'SDK_ERR_PRECONDITION_FAILED', 412],
  [PayloadTooLargeError, 'SDK_ERR_PAYLOAD_TOO_LARGE', 413],
  [UnsupportedMediaTypeError, 'SDK_ERR_UNSUPPORTED_MEDIA_TYPE', 415],
  [UnprocessableEntityError, 'SDK_ERR_UNPROCESSABLE_ENTITY', 422],
  [RateLimitError, 'SDK_ERR_RATE_LIMIT', 429],
  [InternalServerError, 'SDK_ERR_INTERNAL_SERVER', 500],
  [NotImplementedError, 'SDK_ERR_NOT_IMPLEMENTED', 501],
  [BadGatewayError, 'SDK_ERR_BAD_GATEWAY', 502],
  [ServiceUnavailableError, 'SDK_ERR_SERVICE_UNAVAILABLE', 503],
  [GatewayTimeoutError, 'SDK_ERR_GATEWAY_TIMEOUT', 504],
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
];

export const ERROR_CODES: ReadonlyMap<ErrorClass, string> = new Map(ERROR_TABLE.map(([ctor, code]) => [ctor, code]));

const API_ERROR_BY_STATUS: ReadonlyMap<number, ApiErrorClass> = new Map(
  ERROR_TABLE.flatMap(([ctor, , status]) =>
    status === undefined ? [] : [[status, ctor as unknown as ApiErrorClass] as const],
  ),
);

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
  Object.defineProperty(ctor.prototype, 'name', {
    value: errorClassName(ctor), // survives minification (errors/class-name.ts)
    writable: true,
    configurable: true,
  });
  Object.defineProperty(ctor.prototype, 'code', { value: code, writable: true, configurable: true });
  Object.defineProperty(ctor.prototype, brand, { value: true });
}
Object.defineProperty(SdkError, Symbol.hasInstance, { value: hasBrand, configurable: true });

/** The most specific ApiError subclass for a status (>= 500 falls back to InternalServerError). */
export function apiErrorForStatus<TBody = unknown>(init: ApiErrorInit<TBody>): ApiError<TBody> {
  const ctor = API_ERROR_BY_STATUS.get(init.status) ?? (init.status >= 500 ? InternalServerError : ApiError);
  return new ctor(init) as ApiError<TBody>;
}
