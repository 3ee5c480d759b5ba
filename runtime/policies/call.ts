/**
 * One call from params to result: shape the request, take a bulkhead slot, run attempts under
 * the total deadline, retry by the rules of retry.ts, and turn the final outcome into data or a
 * typed error carrying the attempt history.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { OperationDescriptor } from '../descriptor.js';
import { needsSigning, refreshOn401 } from '../auth/index.js';
import { buildRequest, formatCookieHeader, toDispatchBody } from '../request/index.js';
import { DEFAULT_IDEMPOTENCY_HEADER, IDEMPOTENT_METHODS } from '../constants.js';
import { ConnectionError, ReadTimeoutError, SdkError, apiErrorForStatus, type ApiError, type Attempt } from '../errors.js';
import type { RequestOptions } from '../options.js';
import { redactHeaders, redactUrl } from '../redact.js';
import { ApiResponse } from '../response/api-response.js';
import { BinaryResponse } from '../response/binary-response.js';
import { flattenHeaders, requestIdOf } from '../response/headers.js';
import { IdleTimeoutStream } from '../response/idle-timeout-stream.js';
import { BufferedCallResult, StreamedCallResult, type DecodeContext } from '../response/call-result.js';
import { JsonLines, ServerSentEvents, type ReopenEventStream } from '../response/event-streams.js';
import type { ResolvedBase } from '../transport/base-url.js';
import { callHeaders } from '../transport/headers.js';
import { targetOf, type Target } from '../transport/send.js';
import { authOptions, runAttempt, type AttemptResult, type CallState } from './attempt.js';
import { CallScope } from './call-scope.js';
import { healthOf, type AttemptHealth } from './circuit-breaker.js';
import { stripSecretQuery } from './redirect.js';
import type { ClientCore, PageCall, PageableResult } from './client-core.js';

export type { ClientCore, PageCall, PageableResult };
import { decideRetry, retryAfterMs, type AttemptOutcome } from './retry.js';
import { validateModeOf, type BodyValidator } from '../validation/policy.js';

export async function executeCall(
  core: ClientCore,
  op: OperationDescriptor,
  params: object | undefined,
  options: RequestOptions | undefined,
  page?: PageCall,
): Promise<PageableResult> {
  const absoluteUrl = page?.absoluteUrl;
  if (core.pools.closed) throw new SdkError(`${op.method} ${op.path}: the client was closed`);
  const shaped = buildRequest(op, params);
  const base = core.baseFor(op);
  const method = absoluteUrl === undefined ? op.method : 'GET';
  const target: Target =
    absoluteUrl === undefined
      ? plainTarget(base, shaped.path, shaped.query)
      : targetOf(absoluteUrl);
  const headers = callHeaders(core.headers, op, shaped.headers, options?.headers);
  if (shaped.cookies.length > 0) headers.cookie = formatCookieHeader(shaped.cookies);
  const body = absoluteUrl === undefined && shaped.body !== undefined ? shaped.body : undefined;
  if (body === undefined) delete headers['content-type'];

  // Idempotency: one key per call, the same on every attempt.
  const keyHeader = (op.idempotencyHeader ?? DEFAULT_IDEMPOTENCY_HEADER).toLowerCase();
  let key = options?.idempotencyKey ?? headers[keyHeader];
  if (key === undefined && op.idempotent && !IDEMPOTENT_METHODS.has(method)) key = randomUUID();
  if (key !== undefined) {
    // Same rule as every other header (transport/headers.ts): CR/LF/NUL would inject headers.
    if (/[\r\n\0]/.test(key)) {
      throw new SdkError(`${op.id}: the idempotency key (header ${JSON.stringify(keyHeader)}) contains CR, LF or NUL; refusing to send it`);
    }
    headers[keyHeader] = key;
  }
  const idempotent = key !== undefined || IDEMPOTENT_METHODS.has(method);

  const t = options?.timeout;
  const d = op.timeout;
  const connectMs = checkTimeout('connect', t?.connect ?? d?.connect ?? core.timeouts.connect);
  const readMs = checkTimeout('read', t?.read ?? d?.read ?? core.timeouts.read);
  const totalMs = checkTimeout('total', t?.total ?? d?.total ?? core.timeouts.total);
  const maxRetries = options?.retry?.maxRetries ?? op.retry?.maxRetries ?? core.maxRetries;
  const maxRetryAfterMs = options?.retry?.maxRetryAfter ?? core.maxRetryAfterMs;
  const maxResponseBytes = options?.maxResponseBytes === undefined ? core.maxResponseBytes : checkMaxResponseBytes(options.maxResponseBytes);
  const validateMode = options?.validate === undefined ? core.validate : validateModeOf(options.validate);
  if (validateMode !== core.validate) core.validation.assertAvailable(validateMode);

  const describe = (): string => `${method} ${redactUrl(target.url, core.secrets.query)}`;
  const scope = new CallScope(totalMs, options?.signal, describe);
  const attempts: Attempt[] = [];
  let holdsSlot = false;
  let handedOver = false;
  let failure: unknown;
  try {
    scope.throwIfCancelled();
    const wait = core.bulkhead.acquire(scope, describe);
    if (wait !== undefined) await wait;
    holdsSlot = true;
    scope.throwIfCancelled();

    const auth = core.resolveAuth(op);
    const fetchesTokens = auth.schemes.some((s) => s.tokens !== undefined);
    const call: CallState = {
      op,
      scope,
      dispatcher: core.pools.dispatcher(connectMs),
      method,
      target,
      headers,
      body: body === undefined ? null : (toDispatchBody(body.body) as CallState['body']),
      replayable: body === undefined || body.replayable,
      encodedBody: body,
      onUploadProgress: options?.onUploadProgress,
      auth,
      signs: needsSigning(auth),
      digest: auth.schemes.some((s) => s.scheme.type === 'http' && s.scheme.scheme === 'digest'),
      fetchesTokens,
      // Token URLs resolve against the API's server, also for an operation with servers of its own.
      baseUrl: baseUrlOf(fetchesTokens ? core.base() : base),
      allowInsecureAuth: core.allowInsecureAuth,
      secrets: core.secrets,
      middleware: options?.middleware ? [...core.middleware, ...options.middleware] : core.middleware,
      maxRedirects: core.maxRedirects,
      maxResponseBytes,
      cookieJar: core.cookieJar,
      log: core.log,
      readMs,
      connectMs,
    };

    let delayMs = 0;
    let retriesDone = 0;
    // After a 401, a token provider or an oauth2 token manager gets one chance to come up with a
    // fresh credential (rotated or expired); only then is the call replayed, at once and outside
    // the retry budget (a 401 was refused before any work). A fixed credential is not replayed.
    let authRefreshLeft = call.replayable && call.auth.schemes.length > 0;
    for (let attemptNo = 1; ; attemptNo++) {
      const started = core.log.infoEnabled ? performance.now() : 0;
      const probe = core.breaker === undefined ? false : core.breaker.admit(target.origin, describe);
      const result = await runAttempt(call, attemptNo);
      if (core.breaker !== undefined) core.breaker.record(target.origin, breakerHealth(result), probe);
      const record: Attempt =
        result.kind === 'failed'
          ? { attempt: attemptNo, errorCode: result.code, delayMs }
          : { attempt: attemptNo, status: result.status, delayMs };
      attempts.push(record);

      if (result.kind === 'success') {
        logAttempt(core, call, result, attemptNo, started, undefined);
        const pageUrl = page === undefined ? undefined : stripSecretQuery(result.url, core.secrets);
        if (result.stream === undefined) {
          const response = newResponse(core, result, attemptNo, result.bytes);
          const validator = result.bodyKind === 'json' ? await core.validation.prepare(validateMode, core.log, core.stats) : undefined;
          const context = decodeContext(core, op, method, attempts, validator);
          return new BufferedCallResult(response, result.bodyKind, result.bytes ?? EMPTY_BODY, result.url, context, pageUrl);
        }
        // Streamed body: the bulkhead slot and the caller's signal stay with the stream until it
        // ends; the total deadline stops here (a large download is bounded by the read timeout).
        const stream = new IdleTimeoutStream(
          result.stream,
          readMs,
          () => new ReadTimeoutError(`${describe()}: the response body stalled for longer than the read timeout of ${readMs} ms`, { timeoutMs: readMs, phase: 'body', attempts: [...attempts] }),
          () => {
            core.bulkhead.release();
            scope.dispose();
          },
        );
        handedOver = true;
        scope.stopDeadline();
        scope.onCancel((reason) => stream.destroy(reason));
        const binary = new BinaryResponse(result.status, result.headers, stream);
        const response = newResponse(core, result, attemptNo, binary);
        if (page?.rawStream || (result.bodyKind !== 'ndjson' && result.bodyKind !== 'sse')) {
          return new StreamedCallResult(response, binary, pageUrl);
        }
        const context = { method, url: redactUrl(result.url, core.secrets.query), status: result.status };
        if (result.bodyKind === 'ndjson') return new StreamedCallResult(response, new JsonLines(response, stream, context), pageUrl);
        // Reconnecting re-sends the request: only when sending it twice is harmless.
        const reopen: ReopenEventStream | undefined =
          idempotent && page === undefined ? (lastEventId) => reopenEventStream(core, op, params, options, lastEventId) : undefined;
        return new StreamedCallResult(response, new ServerSentEvents(response, stream, context, reopen, options?.signal), pageUrl);
      }

      if (result.kind === 'status' && result.status === 401 && authRefreshLeft && result.url.startsWith(`${target.origin}/`)) {
        authRefreshLeft = false;
        // A throw (the token endpoint is down, the provider failed) explains more than the 401: it becomes the call's error.
        const refreshed = await scope.guard((signal) =>
          refreshOn401(call.auth, result.sentHeaders, result.url, authOptions(call, fetchesTokens ? signal : undefined)),
        );
        if (refreshed) {
          logAttempt(core, call, result, attemptNo, started, 0);
          delayMs = 0;
          continue;
        }
      }

      const outcome: AttemptOutcome =
        result.kind === 'status' ? { kind: 'status', status: result.status, headers: result.headers } : { kind: 'error', sent: result.sent };
      const decision = decideRetry(outcome, { retriesDone, maxRetries, idempotent, replayable: call.replayable, maxRetryAfterMs });
      // Never sleep past the deadline: raise the real failure now rather than a timeout later.
      if (!decision.retry || decision.delayMs >= scope.remaining()) {
        logAttempt(core, call, result, attemptNo, started, undefined);
        throw finalError(core, call, result, attempts);
      }
      logAttempt(core, call, result, attemptNo, started, decision.delayMs);
      retriesDone++;
      delayMs = decision.delayMs;
      await scope.sleep(delayMs);
    }
  } catch (error) {
    failure = error;
    if (error instanceof SdkError) {
      if (error.attempts.length === 0) error.attempts = attempts;
      if (error.method === undefined) error.method = method;
      if (error.url === undefined) error.url = redactUrl(target.url, core.secrets.query);
    }
    throw error;
  } finally {
    core.stats.record(
      op.id,
      performance.now() - scope.startedAt,
      attempts.length,
      failure === undefined ? undefined : failure instanceof Error ? failure.constructor.name : 'unknown',
    );
    if (!handedOver) {
      if (holdsSlot) core.bulkhead.release();
      scope.dispose();
    }
  }
}

const HTTP_NO_CONTENT = 204;

/** Opens an SSE call again, resuming after `lastEventId`; the body comes back unparsed. */
async function reopenEventStream(
  core: ClientCore,
  op: OperationDescriptor,
  params: object | undefined,
  options: RequestOptions | undefined,
  lastEventId: string | undefined,
): Promise<Readable | null> {
  const headers = lastEventId === undefined ? options?.headers : { ...options?.headers, 'last-event-id': lastEventId };
  const result = await executeCall(core, op, params, { ...options, headers }, { rawStream: true });
  // WHATWG EventSource: a 204 on reconnect is the server saying the feed is over.
  if (result.response.status === HTTP_NO_CONTENT) return null;
  const body = result.data();
  if (!(body instanceof BinaryResponse)) throw new SdkError(`${op.id}: the reconnected event stream answered without a streamed body`);
  return body.stream();
}

function baseUrlOf(base: ResolvedBase): string {
  return `${base.origin}${base.basePath}`;
}

/** Characters HTTP cannot carry raw in a request target (non-ASCII, controls, space and a few delimiters). */
const UNSAFE_PATH_CHARS = /[^\x21-\x7e]|["<>\\^`{|}]/;
const UNSAFE_PATH_RUNS = /(?:[^\x21-\x7e]|["<>\\^`{|}])+/g;

/**
 * Percent-encodes what the spec's literal path segments may contain raw (`/unicode/ключ`);
 * parameter values arrive already encoded, and existing %XX escapes are left alone.
 */
function wirePath(path: string): string {
  if (!UNSAFE_PATH_CHARS.test(path)) return path;
  return path.replace(UNSAFE_PATH_RUNS, (run) => Buffer.from(run, 'utf8').toString('hex').replace(/../g, '%$&').toUpperCase());
}

/** Base origin + path + query without a URL parse (the success path does not need one). */
function plainTarget(base: ResolvedBase, rawPath: string, query: string): Target {
  const path = wirePath(rawPath);
  const fullPath = query === '' ? `${base.basePath}${path}` : `${base.basePath}${path}?${query}`;
  return { origin: base.origin, path: fullPath, url: base.origin + fullPath };
}

function checkTimeout(name: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new SdkError(`timeout.${name} must be a positive, finite number of milliseconds (timeouts are never infinite); got ${String(value)}`);
  }
  return value;
}

function checkMaxResponseBytes(value: number): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new SdkError(`maxResponseBytes must be a positive, finite number of bytes; got ${String(value)}`);
  }
  return value;
}

const EMPTY_BODY = new Uint8Array(0);

/** Only network trouble and 5xx say the origin is unwell; cancellations and our own bugs say nothing. */
function breakerHealth(result: AttemptResult): AttemptHealth {
  if (result.kind === 'failed') {
    const networkTrouble = result.sent !== 'fatal' || result.error instanceof ConnectionError;
    return networkTrouble ? 'failure' : 'neutral';
  }
  return healthOf({ kind: 'status', status: result.status });
}

function newResponse(
  core: ClientCore,
  result: Extract<AttemptResult, { kind: 'success' }>,
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

function decodeContext(core: ClientCore, op: OperationDescriptor, method: string, attempts: readonly Attempt[], validator: BodyValidator | undefined): DecodeContext {
  return {
    operationId: op.id,
    validator,
    method,
    secretQuery: core.secrets.query,
    secretHeaders: core.secrets.headers,
    requestIdHeader: core.api.requestIdHeader,
    errorEnvelope: core.api.errorEnvelope,
    attempts,
  };
}

function finalError(core: ClientCore, call: CallState, result: Exclude<AttemptResult, { kind: 'success' }>, attempts: Attempt[]): unknown {
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
  if ((result.status === 401 || result.status === 403) && call.auth.missing) {
    error.message += ` (${call.auth.missing})`;
  }
  return error;
}

function logAttempt(
  core: ClientCore,
  call: CallState,
  result: AttemptResult,
  attempt: number,
  started: number,
  retryInMs: number | undefined,
): void {
  if (!core.log.infoEnabled) return;
  const url = redactUrl(result.kind === 'failed' ? call.target.url : result.url, core.secrets.query);
  core.log.attempt({
    operationId: call.op.id,
    method: call.method,
    url,
    ...(result.kind === 'failed' ? { errorCode: result.code } : { status: result.status, requestId: requestIdOf(result.headers, core.api.requestIdHeader) }),
    ms: performance.now() - started,
    attempt,
    ...(retryInMs === undefined ? {} : { retryInMs }),
  });
}
