/**
 * One attempt of a call, the bottom of the call tier: its abort switch, its read timer and token
 * wait, the hop tier (redirects, digest, cookies, credentials, wire), then the body read. Returns
 * what happened; the call tier (retry, 401 refresh) decides what to do with it.
 */
import { ReadTimeoutError, SdkError } from '../errors.js';
import { errorClassName } from '../errors/class-name.js';
import { redactUrl } from '../redact.js';
import { classifyTransportError } from '../transport/classify.js';
import { AttemptAbort } from '../transport/attempt-abort.js';
import { PreciseTimer } from '../transport/precise-timer.js';
import { readResponse } from './read-response.js';
import {
  AttemptFailure,
  TransportFailure,
  type AttemptContext,
  type AttemptResult,
  type CallState,
  type Hop,
} from './types.js';

export async function runAttempt(call: CallState, attempt: number): Promise<AttemptResult> {
  const abort = new AttemptAbort();
  let abortReason: SdkError | undefined;
  let phase: 'headers' | 'body' = 'headers';
  const stop = (reason: SdkError): void => {
    if (abortReason !== undefined) return;
    abortReason = reason;
    abort.abort(reason);
  };
  // Starts now, when the request is handed to the pool (undici's promise API does not tell us
  // when the socket is written), and is refreshed per redirect hop and per body chunk.
  const readTimer = new PreciseTimer(call.readMs, () => stop(readTimeout(call, context.currentUrl, phase)));
  // Token waits (oauth2) stop on the call's cancellation, not on the read timer: the read timeout
  // is restarted once the request is ready (credentials layer), so a slow token endpoint is not a slow API.
  const tokenWait = call.fetchesTokens ? new AbortController() : undefined;
  const context: AttemptContext = {
    call,
    attempt,
    abort,
    readTimer,
    tokenSignal: tokenWait?.signal,
    currentUrl: call.target.url,
  };
  call.scope.onCancel(
    tokenWait === undefined
      ? stop
      : (reason) => {
          tokenWait.abort(reason);
          stop(reason);
        },
  );
  try {
    const exchange = await call.sendHop(firstHop(call), context);
    phase = 'body';
    return await readResponse(call, exchange, readTimer);
  } catch (error) {
    return failedAttempt(call, context.currentUrl, abortReason, error);
  } finally {
    readTimer.clear();
    call.scope.onCancel(undefined);
  }
}

function firstHop(call: CallState): Hop {
  return {
    method: call.method,
    target: call.target,
    url: call.target.url,
    headers: call.headers,
    body: call.body,
    sameOrigin: true,
  };
}

function readTimeout(call: CallState, url: string, phase: 'headers' | 'body'): ReadTimeoutError {
  const where = `${call.method} ${redactUrl(url, call.secrets.query)}`;
  const what =
    phase === 'headers'
      ? `no response headers within the read timeout of ${call.readMs} ms`
      : `the response body stalled for longer than the read timeout of ${call.readMs} ms`;
  return new ReadTimeoutError(`${where}: ${what}`, { timeoutMs: call.readMs, phase });
}

function failedAttempt(
  call: CallState,
  currentUrl: string,
  abortReason: SdkError | undefined,
  error: unknown,
): AttemptResult {
  if (abortReason !== undefined) {
    // Ours: a read timeout (retryable when idempotent) or the call's cancellation (never).
    const isRead = abortReason instanceof ReadTimeoutError;
    return {
      kind: 'failed',
      error: abortReason,
      sent: isRead ? 'maybe-sent' : 'fatal',
      code: isRead ? 'READ_TIMEOUT' : 'CANCELLED',
    };
  }
  if (error instanceof AttemptFailure) return error.result;
  if (error instanceof TransportFailure) {
    const classified = classifyTransportError(error.cause, {
      method: call.method,
      url: redactUrl(currentUrl, call.secrets.query),
      connectTimeoutMs: call.connectMs,
    });
    return { kind: 'failed', error: classified.error, sent: classified.sent, code: classified.code };
  }
  // Thrown by middleware, auth or decoding: raised as is, never retried.
  return {
    kind: 'failed',
    error,
    sent: 'fatal',
    code: error instanceof SdkError ? errorClassName(error.constructor as typeof SdkError) : 'ERROR',
  };
}
