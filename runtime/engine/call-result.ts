/**
 * After the last attempt: a 2xx becomes the call's result (buffered, or a stream handed to the
 * caller with the bulkhead slot), anything else the typed error carrying the attempt history.
 */
import type { BodySource } from '../transport/body-source.js';
import type { OperationDescriptor } from '../descriptor.js';
import { ReadTimeoutError, SdkError, apiErrorForStatus, type ApiError, type Attempt } from '../errors.js';
import type { RequestOptions } from '../options.js';
import { redactHeaders, redactUrl } from '../redact.js';
import { ApiResponse } from '../response/api-response.js';
import { BinaryResponse } from '../response/binary-response.js';
import { BufferedCallResult, StreamedCallResult } from '../response/call-result.js';
import type { ReopenEventStream } from '../response/event-streams.js';
import { requireFeature } from '../features.js';
import { flattenHeaders, requestIdOf } from '../response/headers.js';
import { IdleTimeoutBody } from '../response/idle-timeout-body.js';
import { stripSecretQuery } from '../policies/redirect.js';
import { retryAfterMs } from '../policies/retry.js';
import type { BodyValidator, ValidateMode } from '../validation/types.js';
import type { ClientCore, PageCall, PageableResult } from './client-core.js';
import type { AttemptResult, CallState } from './types.js';

type Success = Extract<AttemptResult, { kind: 'success' }>;

/** What turning a success into a result needs beyond the attempt. */
export interface ResultInputs {
  readonly core: ClientCore;
  readonly call: CallState;
  readonly attempts: readonly Attempt[];
  readonly page: PageCall | undefined;
  readonly validate: ValidateMode;
  /** The caller's params and options, for an SSE reconnect. */
  readonly params: object | undefined;
  readonly options: RequestOptions | undefined;
  readonly execute: (
    core: ClientCore,
    op: OperationDescriptor,
    params: object | undefined,
    options: RequestOptions | undefined,
    page?: PageCall,
  ) => Promise<PageableResult>;
}

/** A 2xx read whole; its body is decoded when the caller asks. Synchronous unless a validator must load. */
export function bufferedResult(inputs: ResultInputs, result: Success): PageableResult | Promise<PageableResult> {
  const { core } = inputs;
  // Validation is off by default: no promise, no await on the hot path.
  if (result.bodyKind !== 'json' || inputs.validate === 'off') return newBufferedResult(inputs, result, undefined);
  return core.validation
    .prepare(inputs.validate, core.log, core.stats)
    .then((validator) => newBufferedResult(inputs, result, validator));
}

function newBufferedResult(
  inputs: ResultInputs,
  result: Success,
  validator: BodyValidator | undefined,
): PageableResult {
  const { core, call } = inputs;
  const pageUrl = inputs.page === undefined ? undefined : stripSecretQuery(result.url, core.secrets);
  const response = newResponse(core, result, inputs.attempts.length, result.bytes);
  const context = {
    operationId: call.op.id,
    validator,
    method: call.method,
    secretQuery: core.secrets.query,
    secretHeaders: core.secrets.headers,
    requestIdHeader: core.api.requestIdHeader,
    errorEnvelope: core.api.errorEnvelope,
    attempts: inputs.attempts,
  };
  return new BufferedCallResult(response, result.bodyKind, result.bytes ?? EMPTY_BODY, result.url, context, pageUrl);
}

/**
 * A streamed body: the bulkhead slot and the caller's signal stay with the stream until it ends
 * (`release`); the total deadline stops here (a large download is bounded by the read timeout).
 */
export function streamedResult(
  inputs: ResultInputs,
  result: Success & { stream: BodySource },
  release: () => void,
): PageableResult {
  const { core, call, page, options } = inputs;
  const { readMs, scope } = call;
  const pageUrl = page === undefined ? undefined : stripSecretQuery(result.url, core.secrets);
  const stalled = (): ReadTimeoutError =>
    new ReadTimeoutError(
      `${call.describe()}: the response body stalled for longer than the read timeout of ${readMs} ms`,
      {
        timeoutMs: readMs,
        phase: 'body',
        attempts: [...inputs.attempts],
      },
    );
  const stream = new IdleTimeoutBody(result.stream, readMs, stalled, release);
  scope.stopDeadline();
  scope.onCancel((reason) => stream.destroy(reason));
  const binary = new BinaryResponse(result.status, result.headers, stream);
  const response = newResponse(core, result, inputs.attempts.length, binary);
  if (page?.rawStream || (result.bodyKind !== 'ndjson' && result.bodyKind !== 'sse'))
    return new StreamedCallResult(response, binary, pageUrl);
  const context = { method: call.method, url: redactUrl(result.url, core.secrets.query), status: result.status };
  const { JsonLines, ServerSentEvents } = requireFeature('eventStreams', call.describe());
  if (result.bodyKind === 'ndjson')
    return new StreamedCallResult(response, new JsonLines(response, stream, context), pageUrl);
  // Reconnecting re-sends the request: only when sending it twice is harmless.
  const reopen: ReopenEventStream | undefined =
    call.idempotent && page === undefined ? (lastEventId) => reopenEventStream(inputs, lastEventId) : undefined;
  return new StreamedCallResult(
    response,
    new ServerSentEvents(response, stream, context, reopen, options?.signal),
    pageUrl,
  );
}

const HTTP_NO_CONTENT = 204;
const EMPTY_BODY = new Uint8Array(0);

/** Opens an SSE call again, resuming after `lastEventId`; the body comes back unparsed. */
async function reopenEventStream(inputs: ResultInputs, lastEventId: string | undefined): Promise<BodySource | null> {
  const { core, call, params, options } = inputs;
  const headers = lastEventId === undefined ? options?.headers : { ...options?.headers, 'last-event-id': lastEventId };
  const result = await inputs.execute(core, call.op, params, { ...options, headers }, { rawStream: true });
  // WHATWG EventSource: a 204 on reconnect is the server saying the feed is over.
  if (result.response.status === HTTP_NO_CONTENT) return null;
  const body = result.data();
  if (!(body instanceof BinaryResponse))
    throw new SdkError(`${call.op.id}: the reconnected event stream answered without a streamed body`);
  return body.source();
}

function newResponse(
  core: ClientCore,
  result: Success,
  attempts: number,
  body: Uint8Array | BinaryResponse | undefined,
): ApiResponse {
  return new ApiResponse({
    status: result.status,
    headers: result.headers,
    rawUrl: result.url,
    secretQuery: core.secrets.query,
    requestIdHeader: core.api.requestIdHeader,
    attempts,
    body,
  });
}

/** The call's error for its last attempt: the attempt's own error, or the ApiError for its status. */
export function finalError(
  core: ClientCore,
  call: CallState,
  result: Exclude<AttemptResult, Success>,
  attempts: Attempt[],
): unknown {
  if (result.kind === 'failed') {
    if (result.error instanceof SdkError) result.error.attempts = attempts;
    return result.error;
  }
  const error: ApiError = apiErrorForStatus({
    status: result.status,
    headers: redactHeaders(flattenHeaders(result.headers), core.secrets.headers) as Record<string, string>,
    body: result.body,
    requestId: requestIdOf(result.headers, core.api.requestIdHeader),
    method: call.method,
    url: redactUrl(result.url, core.secrets.query),
    retryAfterMs: retryAfterMs(result.headers),
    attempts,
  });
  if ((result.status === 401 || result.status === 403) && call.auth.missing) error.message += ` (${call.auth.missing})`;
  return error;
}
