/**
 * src/index.ts: the package root. The generated client, its option, auth and params types, the
 * models, and an explicit list of runtime names (PUBLIC_RUNTIME_VALUES / PUBLIC_RUNTIME_TYPES):
 * what users catch, await, pass and receive. Everything else in src/runtime/ is internal and may
 * change in any release (openai-node's src/internal/ rule); docs/runtime.md "Public surface".
 */
import type { ApiModel } from "../model/index.js";
import { GENERATED_HEADER } from "./escape.js";

/** Runtime classes and functions users touch: the error tree, the response types, two upload/download helpers. */
export const PUBLIC_RUNTIME_VALUES: readonly string[] = [
  // errors (runtime/errors.ts ERROR_CODES, same order)
  'SdkError', 'InvalidArgumentError', 'ApiError', 'BadRequestError', 'AuthenticationError', 'PaymentRequiredError',
  'PermissionDeniedError', 'NotFoundError', 'MethodNotAllowedError', 'RequestTimeoutStatusError', 'ConflictError',
  'GoneError', 'PreconditionFailedError', 'PayloadTooLargeError', 'UnsupportedMediaTypeError',
  'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'NotImplementedError', 'BadGatewayError',
  'ServiceUnavailableError', 'GatewayTimeoutError', 'ConnectionError', 'TlsError', 'ProxyError', 'TimeoutError',
  'ConnectTimeoutError', 'ReadTimeoutError', 'DeadlineExceededError', 'AbortError', 'PoolExhaustedError',
  'CircuitOpenError', 'TooManyRedirectsError', 'UnexpectedContentTypeError', 'ResponseParseError',
  'ResponseValidationError', 'PaginationError', 'ResponseTooLargeError',
  // responses, pages, uploads, downloads
  'ApiPromise', 'ApiResponse', 'BinaryResponse', 'Page', 'PagePromise', 'fileFromPath', 'downloadToFile',
];

/** Runtime types users write in their own code: options, middleware, credentials, streams, stats, log fields. */
export const PUBLIC_RUNTIME_TYPES: readonly string[] = [
  'ClientOptions', 'RequestOptions', 'TimeoutOptions', 'RetryOptions', 'TlsOptions', 'HeadersInit', 'LogLevel',
  'Logger', 'AttemptLogFields', 'CookieStore', 'CircuitBreakerOptions', 'ValidateMode',
  'Middleware', 'NextFn', 'OutgoingRequest', 'IncomingResponse',
  'ApiKey', 'BasicCredentials', 'BearerToken', 'OAuth2ClientCredentials', 'RequestSigner', 'SignableRequest', 'Signer',
  'TokenProvider', 'TokenProviderContext',
  'WithResponse', 'EventStream', 'JsonLinesStream', 'SseEvent',
  'Uploadable', 'UploadProgressCallback', 'UploadProgressEvent', 'DownloadOptions', 'DownloadRequest', 'DownloadResult',
  'Attempt', 'ResponseValidationIssue', 'OperationStats',
];

export function emitIndexFile(model: ApiModel, runtimeImport: string): string {
  const out: string[] = [GENERATED_HEADER];
  const rootParams = model.rootOperations.map((op) => op.paramsTypeName).sort();
  out.push(`export { ${model.clientName} } from "./client.js";`);
  out.push(`export type { ${[`${model.clientName}Auth`, `${model.clientName}Options`, ...rootParams].join(', ')} } from "./client.js";`);
  for (const r of model.resources) {
    const names = r.operations.map((op) => op.paramsTypeName).sort();
    if (names.length > 0) out.push(`export type { ${names.join(', ')} } from "./resources/${r.fileName}.js";`);
  }
  if (model.models.length > 0) out.push(`export type { ${model.models.map((m) => m.name).join(', ')} } from "./models.js";`);
  out.push('export type { paths, components } from "./types.js";');
  // A spec name that is also a runtime name keeps the spec's meaning here, as `export *` did
  // (model/reserved-names.ts renames models away from runtime names, so this is a backstop).
  const taken = new Set([...model.models.map((m) => m.name), ...model.rootOperations.map((op) => op.paramsTypeName)]);
  for (const r of model.resources) for (const op of r.operations) taken.add(op.paramsTypeName);
  const values = PUBLIC_RUNTIME_VALUES.filter((name) => !taken.has(name));
  const types = PUBLIC_RUNTIME_TYPES.filter((name) => !taken.has(name));
  out.push("// The runtime's public surface; everything else under ./runtime/ is internal.");
  out.push(`export { ${values.join(', ')} } from ${JSON.stringify(runtimeImport)};`);
  out.push(`export type { ${types.join(', ')} } from ${JSON.stringify(runtimeImport)};`);
  return `${out.join('\n')}\n`;
}
