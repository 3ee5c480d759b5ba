/**
 * Names the generated package already uses, so spec-derived names must avoid them. Tests check
 * these lists against the runtime's real exports and Client members, so drift is caught.
 */
import { GLOBAL_NAMES, OBJECT_PROTOTYPE_NAMES } from './identifiers.js';

/** Members of the runtime `Client` (public and private: TS rejects a subclass member either way). */
export const CLIENT_MEMBER_NAMES: readonly string[] = [
  'request', 'paginate', 'withOptions', 'close', 'stats', 'api', 'options', 'session', 'transport',
  'pipeline', 'state', 'core', 'logger', 'auth', 'dispatcher', 'baseUrl', 'then', 'constructor',
];

/** Members of a generated resource class. */
export const RESOURCE_MEMBER_NAMES: readonly string[] = ['client', 'constructor', 'then'];

/** What the runtime exports (the package root re-exports them; models must not hide them). */
export const RUNTIME_EXPORT_NAMES: readonly string[] = [
  'Client', 'ClientOptions', 'RequestOptions', 'ApiPromise', 'PagePromise', 'Page', 'ApiResponse',
  'BinaryResponse', 'Uploadable', 'BearerToken', 'BasicCredentials', 'Middleware', 'Logger', 'LogLevel',
  'SdkError', 'ApiError', 'BadRequestError', 'AuthenticationError', 'PaymentRequiredError',
  'PermissionDeniedError', 'NotFoundError', 'MethodNotAllowedError', 'RequestTimeoutStatusError',
  'ConflictError', 'GoneError', 'PreconditionFailedError', 'PayloadTooLargeError',
  'UnsupportedMediaTypeError', 'UnprocessableEntityError', 'RateLimitError', 'InternalServerError',
  'NotImplementedError', 'BadGatewayError', 'ServiceUnavailableError', 'GatewayTimeoutError',
  'ConnectionError', 'TlsError', 'ProxyError', 'TimeoutError', 'ConnectTimeoutError', 'ReadTimeoutError',
  'DeadlineExceededError', 'AbortError', 'PoolExhaustedError', 'CircuitOpenError', 'TooManyRedirectsError',
  'UnexpectedContentTypeError', 'ResponseParseError', 'ResponseValidationError', 'PaginationError',
  'Attempt', 'ErrorContext', 'ApiErrorInit', 'TimeoutKind', 'HttpMethod', 'ParameterLocation',
  'ParameterStyle', 'ParameterDescriptor', 'ResponseKind', 'ResponseDescriptor', 'RequestBodyDescriptor',
  'SecurityRequirement', 'PaginationDescriptor', 'RetryPolicyOverride', 'TimeoutOverride',
  'OperationDescriptor', 'SecuritySchemeDescriptor', 'ServerDescriptor', 'ApiDescriptor',
  'ApiKey', 'HeadersInit', 'IncomingResponse', 'NextFn', 'OutgoingRequest', 'RetryOptions',
  'TimeoutOptions', 'TlsOptions', 'WithResponse', 'apiErrorForStatus', 'fileFromPath', 'CircuitBreakerOptions',
  'OperationStats', 'EventStream', 'JsonLinesStream', 'NdjsonOptions', 'OAuth2ClientCredentials',
  'OpenEventStream', 'ReconnectOptions', 'RequestSigner', 'SignableRequest', 'Signer', 'SseEvent', 'SseOptions',
  'TokenProvider', 'TokenProviderContext', 'UploadProgressCallback', 'UploadProgressEvent', 'parseNdjson',
  'parseSse', 'reconnectingEventStream', 'ResponseTooLargeError', 'downloadToFile', 'DownloadOptions',
  'DownloadRequest', 'DownloadResult', 'CookieStore', 'CookieStore', 'DownloadOptions',
  'DownloadRequest', 'DownloadResult', 'downloadToFile', 'ResponseChecker', 'ResponseSchemas', 'SchemaIssue',
  'ValidateMode', 'ResponseValidationIssue',
  'InvalidArgumentError', 'AttemptLogFields',
];

/** Names the emitted files declare or import themselves. */
export const GENERATED_FILE_NAMES: readonly string[] = ['paths', 'components', 'operations', 'webhooks', '$defs', 'api'];

/** Every name an exported type or class of the package must avoid. */
export function reservedTypeNames(clientName: string): Set<string> {
  return new Set([
    ...GLOBAL_NAMES,
    ...OBJECT_PROTOTYPE_NAMES,
    ...RUNTIME_EXPORT_NAMES,
    ...GENERATED_FILE_NAMES,
    clientName,
    `${clientName}Options`,
    `${clientName}Auth`,
  ]);
}
