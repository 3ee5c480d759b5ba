/**
 * The runtime's entry: everything generated code imports (Client, ApiPromise, PagePromise, the
 * descriptor types) and everything users may see. The generated package root re-exports an
 * explicit subset of it (the names the SDK's src/index.ts lists after "runtime's public surface"); the
 * engine, policies, transport and parsers behind it are internal.
 */
export { Client } from './client.js';
export type {
  CircuitBreakerOptions,
  ClientOptions,
  CookieStore,
  HeadersInit,
  LogLevel,
  Logger,
  AttemptLogFields,
  RequestOptions,
  RetryOptions,
  TimeoutOptions,
  TlsOptions,
} from './options.js';
export { ApiPromise, type WithResponse } from './response/api-promise.js';
export { ApiResponse } from './response/api-response.js';
export { BinaryResponse } from './response/binary-response.js';
export {
  DEFAULT_DOWNLOAD_ATTEMPTS,
  downloadToFile,
  type DownloadOptions,
  type DownloadRequest,
  type DownloadResult,
} from './response/download.js';
export type { EventStream, JsonLinesStream } from './response/event-streams.js';
export { Page, PagePromise } from './pagination/index.js';
export { fileFromPath } from './request/index.js';
export type { Uploadable, UploadProgressCallback, UploadProgressEvent } from './request/index.js';
export type {
  ApiKey,
  BasicCredentials,
  BearerToken,
  OAuth2ClientCredentials,
  RequestSigner,
  SignableRequest,
  Signer,
  TokenProvider,
  TokenProviderContext,
} from './auth/index.js';
export { TOKEN_EXPIRY_MARGIN_MS, TOKEN_REQUEST_TIMEOUT_MS } from './auth/index.js';
export {
  DEFAULT_SSE_MAX_RECONNECTS,
  DEFAULT_SSE_RETRY_MS,
  parseNdjson,
  parseSse,
  reconnectingEventStream,
  type NdjsonOptions,
  type OpenEventStream,
  type ReconnectOptions,
  type SseEvent,
  type SseOptions,
} from './streams/index.js';
export type { IncomingResponse, Middleware, NextFn, OutgoingRequest } from './transport/types.js';
export type { OperationStats } from './policies/stats.js';
export type { ResponseChecker, ResponseSchemas, SchemaIssue, ValidateMode } from './validation/types.js';
export {
  SdkError,
  InvalidArgumentError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PaymentRequiredError,
  PermissionDeniedError,
  NotFoundError,
  MethodNotAllowedError,
  RequestTimeoutStatusError,
  ConflictError,
  GoneError,
  PreconditionFailedError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  NotImplementedError,
  BadGatewayError,
  ServiceUnavailableError,
  GatewayTimeoutError,
  ConnectionError,
  TlsError,
  ProxyError,
  TimeoutError,
  ConnectTimeoutError,
  ReadTimeoutError,
  DeadlineExceededError,
  AbortError,
  PoolExhaustedError,
  CircuitOpenError,
  TooManyRedirectsError,
  UnexpectedContentTypeError,
  ResponseParseError,
  ResponseValidationError,
  PaginationError,
  ResponseTooLargeError,
  type Attempt,
  type ResponseValidationIssue,
} from './errors.js';
// Only the defaults a user can override (documented in the generated README); retry tuning,
// header lists and size caps stay internal so a runtime change is not a breaking change.
export {
  DEFAULT_CONNECTIONS_PER_ORIGIN,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_QUEUE,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_READ_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
} from './constants.js';
export type * from './descriptor.js';
