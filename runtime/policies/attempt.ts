/**
 * One attempt of a call: auth, middleware, the exchange, redirects, and reading the body, all
 * under the attempt's read timer and the call's scope. Returns what happened; the retry loop
 * (call.ts) decides what to do with it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { OperationDescriptor, ResponseKind } from '../descriptor.js';
import { applyAuth, type ResolvedAuth, type SecretNames } from '../auth/index.js';
import { formatCookieHeader } from '../request/index.js';
import { MAX_ERROR_BODY_BYTES } from '../constants.js';
import { ReadTimeoutError, SdkError, TooManyRedirectsError } from '../errors.js';
import { redactHeaders, redactUrl } from '../redact.js';
import { readBody, drainBody, type ChunkWatcher } from '../response/read-body.js';
import { decodeErrorBody, isBinaryMediaType, isStreamedKind, successKind } from '../response/decode-body.js';
import { headerValue } from '../response/headers.js';
import { classifyTransportError } from '../transport/classify.js';
import { send, targetOf, type Target } from '../transport/send.js';
import { AttemptAbort } from '../transport/attempt-abort.js';
import type { CookieJar } from '../transport/cookie-jar.js';
import type { IncomingResponse, Middleware, OutgoingRequest } from '../transport/types.js';
import { redirectHeaders, redirectStep, stripSecretQuery } from './redirect.js';
import type { CallScope } from './call-scope.js';
import type { RuntimeLog } from './logging.js';
import { PreciseTimer } from '../transport/precise-timer.js';

/** Everything an attempt needs, fixed for the whole call. */
export interface CallState {
  readonly op: OperationDescriptor;
  readonly scope: CallScope;
  readonly dispatcher: Dispatcher;
  readonly method: string;
  readonly target: Target;
  /** Headers without credentials (auth is rendered per attempt and per same-origin hop). */
  readonly headers: Record<string, string>;
  readonly body: OutgoingRequest['body'];
  readonly replayable: boolean;
  readonly auth: ResolvedAuth;
  readonly allowInsecureAuth: boolean;
  readonly secrets: SecretNames;
  readonly middleware: readonly Middleware[];
  readonly maxRedirects: number;
  readonly cookieJar: CookieJar | undefined;
  readonly log: RuntimeLog;
  readonly readMs: number;
  readonly connectMs: number;
}

export type AttemptResult =
  /** A 2xx, body read and decoded (or, for streamed kinds, handed over unread). */
  | {
      readonly kind: 'success';
      readonly status: number;
      readonly headers: IncomingHttpHeaders;
      readonly url: string;
      /** The declared body kind for this status. */
      readonly bodyKind: ResponseKind;
      /** The read body, for buffered kinds ... */
      readonly bytes: Uint8Array | undefined;
      /** ... or the unread stream for binary kinds and binary media types. */
      readonly stream: Readable | undefined;
    }
  /** A non-2xx (or a 2xx carrying the error envelope), body read (capped). */
  | { readonly kind: 'status'; readonly status: number; readonly headers: IncomingHttpHeaders; readonly url: string; readonly body: unknown }
  /** No usable response. */
  | { readonly kind: 'failed'; readonly error: unknown; readonly sent: 'unsent' | 'maybe-sent' | 'fatal'; readonly code: string };

/** Marks errors thrown by the transport itself, so middleware's own errors pass through untouched. */
class TransportFailure {
  constructor(readonly cause: unknown) {}
}

export async function runAttempt(call: CallState, attempt: number): Promise<AttemptResult> {
  const controller = new AttemptAbort();
  let abortReason: SdkError | undefined;
  let phase: 'headers' | 'body' = 'headers';
  let currentUrl = call.target.url;
  const abort = (reason: SdkError): void => {
    if (abortReason !== undefined) return;
    abortReason = reason;
    controller.abort(reason);
  };
  // Starts now, when the request is handed to the pool (undici's promise API does not tell us
  // when the socket is written), and is refreshed per redirect hop and per body chunk.
  const readTimer = new PreciseTimer(call.readMs, () => {
    abort(
      new ReadTimeoutError(
        phase === 'headers'
          ? `${call.method} ${redactUrl(currentUrl, call.secrets.query)}: no response headers within the read timeout of ${call.readMs} ms`
          : `${call.method} ${redactUrl(currentUrl, call.secrets.query)}: the response body stalled for longer than the read timeout of ${call.readMs} ms`,
        { timeoutMs: call.readMs, phase },
      ),
    );
  });
  call.scope.onCancel(abort);
  try {
    let method = call.method;
    let target = call.target;
    let headers = call.headers;
    let body = call.body;
    let sameOrigin = true;
    for (let hop = 0; ; hop++) {
      currentUrl = target.url;
      const hopHeaders = call.cookieJar === undefined ? headers : withJarCookies(call.cookieJar, headers, target.url);
      const request =
        sameOrigin && call.auth.schemes.length > 0
          ? await withCredentials(call, method, target, hopHeaders, body, attempt, controller)
          : newRequest(call, method, target.url, hopHeaders, body, attempt, controller);
      if (call.log.debugEnabled) debugRequest(call, request);
      const response = await exchange(call, request, target, controller);
      currentUrl = response.url;
      if (call.log.debugEnabled) debugResponse(call, response);
      call.cookieJar?.store(response.headers['set-cookie'], response.url);
      const step = redirectStep(response.status, response.headers, method, response.url, call.target.origin);
      if (step !== undefined && call.maxRedirects > 0) {
        drainBody(response.body);
        if (hop >= call.maxRedirects) {
          return {
            kind: 'failed',
            error: new TooManyRedirectsError(`${call.method} ${redactUrl(call.target.url, call.secrets.query)}: more than ${call.maxRedirects} redirects`, {
              maxRedirects: call.maxRedirects,
            }),
            sent: 'fatal',
            code: 'TOO_MANY_REDIRECTS',
          };
        }
        // A streamed body was consumed by the first hop: report the redirect instead of sending nothing.
        if (step.keepBody && body !== null && !call.replayable) {
          return { kind: 'status', status: response.status, headers: response.headers, url: response.url, body: undefined };
        }
        headers = redirectHeaders(headers, step, call.secrets);
        if (!step.keepBody) body = null;
        method = step.method;
        target = targetOf(step.sameOrigin ? step.url : stripSecretQuery(step.url, call.secrets));
        sameOrigin = step.sameOrigin;
        readTimer.refresh();
        continue;
      }
      phase = 'body';
      return await readResponse(call, response, readTimer);
    }
  } catch (error) {
    if (abortReason !== undefined) {
      // Ours: a read timeout (retryable when idempotent) or the call's cancellation (never).
      const isRead = abortReason instanceof ReadTimeoutError;
      return { kind: 'failed', error: abortReason, sent: isRead ? 'maybe-sent' : 'fatal', code: isRead ? 'READ_TIMEOUT' : 'CANCELLED' };
    }
    if (error instanceof TransportFailure) {
      const classified = classifyTransportError(error.cause, {
        method: call.method,
        url: redactUrl(currentUrl, call.secrets.query),
        connectTimeoutMs: call.connectMs,
      });
      return { kind: 'failed', error: classified.error, sent: classified.sent, code: classified.code };
    }
    // Thrown by middleware, auth or decoding: raised as is, never retried.
    return { kind: 'failed', error, sent: 'fatal', code: error instanceof SdkError ? error.constructor.name : 'ERROR' };
  } finally {
    readTimer.clear();
    call.scope.onCancel(undefined);
  }
}

function debugRequest(call: CallState, request: OutgoingRequest): void {
  const headers = JSON.stringify(redactHeaders(request.headers, call.secrets.headers));
  call.log.debug(`[sdk] ${call.op.id} attempt ${request.attempt} -> ${request.method} ${redactUrl(request.url, call.secrets.query)} headers ${headers}`);
}

function debugResponse(call: CallState, response: IncomingResponse): void {
  const headers = JSON.stringify(redactHeaders(response.headers as Record<string, string | string[] | undefined>, call.secrets.headers));
  call.log.debug(`[sdk] ${call.op.id} <- ${response.status} ${redactUrl(response.url, call.secrets.query)} headers ${headers}`);
}

/** Adds the jar's cookies for this URL to the call's own Cookie header. */
function withJarCookies(jar: CookieJar, headers: Record<string, string>, url: string): Record<string, string> {
  const fromJar = jar.header(url);
  if (fromJar === undefined) return headers;
  return { ...headers, cookie: headers.cookie ? `${headers.cookie}; ${fromJar}` : fromJar };
}

/** Adds credentials (only ever called for a hop on the call's own origin). */
async function withCredentials(
  call: CallState,
  method: string,
  target: Target,
  headers: Record<string, string>,
  body: OutgoingRequest['body'],
  attempt: number,
  abort: AttemptAbort,
): Promise<OutgoingRequest> {
  let url = target.url;
  const parts = await applyAuth(call.auth, url, { allowInsecureAuth: call.allowInsecureAuth });
  const finalHeaders = { ...headers };
  for (const name in parts.headers) finalHeaders[name.toLowerCase()] = parts.headers[name]!;
  if (parts.cookies.length > 0) {
    const cookie = formatCookieHeader(parts.cookies);
    finalHeaders.cookie = finalHeaders.cookie ? `${finalHeaders.cookie}; ${cookie}` : cookie;
  }
  if (parts.query !== '') url += (url.includes('?') ? '&' : '?') + parts.query;
  return newRequest(call, method, url, finalHeaders, body, attempt, abort);
}

function newRequest(
  call: CallState,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: OutgoingRequest['body'],
  attempt: number,
  abort: AttemptAbort,
): OutgoingRequest {
  return {
    method,
    url,
    headers,
    body,
    attempt,
    operationId: call.op.id,
    // A real AbortSignal only when middleware looks at it.
    get signal(): AbortSignal {
      return abort.signal;
    },
  };
}

/** Middleware chain around the transport; transport errors are tagged for classification. */
function exchange(call: CallState, request: OutgoingRequest, target: Target, abort: AttemptAbort): Promise<IncomingResponse> {
  const terminal = (req: OutgoingRequest): Promise<IncomingResponse> =>
    send(call.dispatcher, req, target, abort).catch((error: unknown) => {
      throw new TransportFailure(error);
    });
  if (call.middleware.length === 0) return terminal(request);
  const run = (index: number, req: OutgoingRequest): Promise<IncomingResponse> =>
    index === call.middleware.length ? terminal(req) : call.middleware[index]!(req, (next) => run(index + 1, next));
  return run(0, request);
}

async function readResponse(call: CallState, response: IncomingResponse, readTimer: ChunkWatcher): Promise<AttemptResult> {
  const { status, headers, url } = response;
  if (status < 200 || status >= 300) {
    let read;
    try {
      read = await readBody(response.body, readTimer, MAX_ERROR_BODY_BYTES);
    } catch (error) {
      throw new TransportFailure(error);
    }
    return { kind: 'status', status, headers, url, body: decodeErrorBody(headers, read.bytes, read.truncated) };
  }
  const bodyKind = successKind(call.op, status);
  if (isStreamedKind(bodyKind) || (bodyKind !== 'text' && isBinaryMediaType(headerValue(headers, 'content-type')))) {
    return { kind: 'success', status, headers, url, bodyKind, bytes: undefined, stream: response.body };
  }
  let bytes: Uint8Array;
  try {
    bytes = (await readBody(response.body, readTimer)).bytes;
  } catch (error) {
    throw new TransportFailure(error);
  }
  // Decoding happens later, when (and if) the caller asks for data: see call-result.ts.
  return { kind: 'success', status, headers, url, bodyKind, bytes, stream: undefined };
}
