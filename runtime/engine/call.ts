/**
 * One call from params to result: shape the request (prepare.ts), take a bulkhead slot, run the
 * call tier (pipeline.ts) under the total deadline, and turn the last attempt into data or a
 * typed error carrying the attempt history (call-result.ts).
 */
import type { OperationDescriptor } from '../descriptor.js';
import { canRefreshOn401, needsSigning } from '../auth/index.js';
import { toDispatchBody } from '../request/index.js';
import { InvalidArgumentError, SdkError, type Attempt } from '../errors.js';
import { errorClassName } from '../errors/class-name.js';
import type { RequestOptions } from '../options.js';
import { redactUrl } from '../redact.js';
import { CallScope } from '../policies/call-scope.js';
import { bufferedResult, finalError, streamedResult, type ResultInputs } from './call-result.js';
import type { ClientCore, PageCall, PageableResult } from './client-core.js';
import { hopPipeline } from './pipeline.js';
import { callLimits, shapeCall, type CallLimits, type ShapedCall } from './prepare.js';
import type { CallRun, CallState } from './types.js';

export type { ClientCore, PageCall, PageableResult };

export async function executeCall(
  core: ClientCore,
  op: OperationDescriptor,
  params: object | undefined,
  options: RequestOptions | undefined,
  page?: PageCall,
): Promise<PageableResult> {
  if (core.pools.closed) throw new InvalidArgumentError(`${op.method} ${op.path}: the client was closed`);
  const shaped = shapeCall(core, op, params, options, page);
  const limits = callLimits(core, op, options);
  const describe = (): string => `${shaped.method} ${redactUrl(shaped.target.url, core.secrets.query)}`;
  const scope = new CallScope(limits.totalMs, options?.signal, describe);
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
    const call = callState(core, op, options, shaped, limits, scope, describe);
    const refreshable = call.auth.schemes.length > 0 && canRefreshOn401(call.auth);
    const run: CallRun = {
      call,
      attempts,
      delayMs: 0,
      attemptStartedAt: 0,
      authRefreshLeft: call.replayable && refreshable,
    };
    const pipeline = refreshable ? core.callPipelines.withRefresh : core.callPipelines.withoutRefresh;
    const result = await pipeline(run);
    if (result.kind !== 'success') throw finalError(core, call, result, attempts);
    const inputs: ResultInputs = {
      core,
      call,
      attempts,
      page,
      validate: limits.validate,
      params,
      options,
      execute: executeCall,
    };
    if (result.stream === undefined) {
      const buffered = bufferedResult(inputs, result);
      // Awaited only when a validator had to load: an await costs a microtask turn per call.
      return buffered instanceof Promise ? await buffered : buffered;
    }
    handedOver = true;
    return streamedResult(inputs, { ...result, stream: result.stream }, () => {
      core.bulkhead.release();
      scope.dispose();
    });
  } catch (error) {
    failure = error;
    if (error instanceof SdkError) {
      if (error.attempts.length === 0) error.attempts = attempts;
      if (error.method === undefined) error.method = shaped.method;
      if (error.url === undefined) error.url = redactUrl(shaped.target.url, core.secrets.query);
    }
    throw error;
  } finally {
    const errorClass =
      failure === undefined
        ? undefined
        : failure instanceof Error
          ? errorClassName(failure.constructor as typeof Error)
          : 'unknown';
    core.stats.record(op.id, performance.now() - scope.startedAt, attempts.length, errorClass);
    if (!handedOver) {
      if (holdsSlot) core.bulkhead.release();
      scope.dispose();
    }
  }
}

function callState(
  core: ClientCore,
  op: OperationDescriptor,
  options: RequestOptions | undefined,
  shaped: ShapedCall,
  limits: CallLimits,
  scope: CallScope,
  describe: () => string,
): CallState {
  const auth = core.resolveAuth(op);
  const fetchesTokens = auth.schemes.some((s) => s.tokens !== undefined);
  const body = shaped.body;
  const dispatcher = core.pools.dispatcher(limits.connectMs);
  const middleware = options?.middleware ? [...core.middleware, ...options.middleware] : core.middleware;
  const digest = auth.schemes.some((s) => s.scheme.type === 'http' && s.scheme.scheme === 'digest');
  const onUploadProgress = options?.onUploadProgress;
  return {
    op,
    scope,
    dispatcher,
    transport: core.transportFor(dispatcher),
    method: shaped.method,
    target: shaped.target,
    headers: shaped.headers,
    body: body === undefined ? null : (toDispatchBody(body.body) as CallState['body']),
    replayable: body === undefined || body.replayable,
    encodedBody: body,
    onUploadProgress,
    auth,
    signs: needsSigning(auth),
    digest,
    fetchesTokens,
    // Token URLs resolve against the API's server, also for an operation with servers of its own.
    baseUrl: baseUrlOf(fetchesTokens ? core.base() : shaped.base),
    allowInsecureAuth: core.allowInsecureAuth,
    secrets: core.secrets,
    middleware,
    maxRedirects: core.maxRedirects,
    maxResponseBytes: limits.maxResponseBytes,
    cookieJar: core.cookieJar,
    log: core.log,
    readMs: limits.readMs,
    connectMs: limits.connectMs,
    idempotent: shaped.idempotent,
    maxRetries: limits.maxRetries,
    maxRetryAfterMs: limits.maxRetryAfterMs,
    requestIdHeader: core.api.requestIdHeader,
    describe,
    sendHop:
      onUploadProgress === undefined && options?.middleware === undefined
        ? core.hopFor(auth.schemes.length > 0, digest)
        : hopPipeline({
            maxRedirects: core.maxRedirects,
            digest,
            cookieJar: core.cookieJar,
            sendsCredentials: auth.schemes.length > 0,
            encodedBody: body,
            onUploadProgress,
            log: core.log,
            secrets: core.secrets,
            middleware,
          }),
  };
}

function baseUrlOf(base: { origin: string; basePath: string }): string {
  return `${base.origin}${base.basePath}`;
}
