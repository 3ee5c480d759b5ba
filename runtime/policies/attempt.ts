/**
 * One attempt of a call: auth, middleware, the exchange, redirects, and reading the body, all
 * under the attempt's read timer and the call's scope. Returns what happened; the retry loop
 * (call.ts) decides what to do with it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { OperationDescriptor, ResponseKind } from '../descriptor.js';
import {
  answerDigestChallenge,
  appendAuthQuery,
  applyAuth,
  signRequest,
  type ApplyAuthOptions,
  type ResolvedAuth,
  type SecretNames,
} from '../auth/index.js';
import { formatCookieHeader, withUploadProgress, type EncodedBody, type UploadProgressCallback } from '../request/index.js';
import { MAX_ERROR_BODY_BYTES } from '../constants.js';
import { ReadTimeoutError, ResponseTooLargeError, SdkError, TooManyRedirectsError } from '../errors.js';
import { redactHeaders, redactUrl } from '../redact.js';
import { readBody, discardBody, drainBody, type ChunkWatcher } from '../response/read-body.js';
import { decodeErrorBody, isBinaryMediaType, isStreamedKind, successKind } from '../response/decode-body.js';
import { headerValue } from '../response/headers.js';
import { classifyTransportError } from '../transport/classify.js';
import { send, targetOf, type Target } from '../transport/send.js';
import { AttemptAbort } from '../transport/attempt-abort.js';
import { jarCookieHeader, storeSetCookies, type CookieStore } from '../transport/cookie-jar.js';
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
  /** The encoded body `body` came from: upload progress re-wraps it for every send. */
  readonly encodedBody: EncodedBody | undefined;
  readonly onUploadProgress: UploadProgressCallback | undefined;
  readonly auth: ResolvedAuth;
  /** needsSigning(auth), computed once per call. */
  readonly signs: boolean;
  /** A digest scheme is among the call's: a same-origin 401 challenge is answered once per attempt. */
  readonly digest: boolean;
  /** An oauth2 token manager is among the call's schemes: token waits get an AbortSignal. */
  readonly fetchesTokens: boolean;
  /** The client's base URL: a relative oauth2 tokenUrl resolves against it. */
  readonly baseUrl: string;
  readonly allowInsecureAuth: boolean;
  readonly secrets: SecretNames;
  readonly middleware: readonly Middleware[];
  readonly maxRedirects: number;
  /** Largest 2xx body buffered (bytes, decoded); streamed kinds are not limited. */
  readonly maxResponseBytes: number;
  readonly cookieJar: CookieStore | undefined;
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
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers: IncomingHttpHeaders;
      readonly url: string;
      readonly body: unknown;
      /** The request headers of the exchange that got this status (the 401 path compares credentials). */
      readonly sentHeaders: Readonly<Record<string, string>>;
    }
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
  // Token waits (oauth2) stop on the call's cancellation, not on the read timer: the read timeout
  // is restarted once the request is ready (below), so a slow token endpoint is not a slow API.
  const tokenWait = call.fetchesTokens ? new AbortController() : undefined;
  call.scope.onCancel(
    tokenWait === undefined
      ? abort
      : (reason) => {
          tokenWait.abort(reason);
          abort(reason);
        },
  );
  try {
    let method = call.method;
    let target = call.target;
    let headers = call.headers;
    let body = call.body;
    let sameOrigin = true;
    let redirects = 0;
    /** The answer to a digest challenge, sent on the replay of the hop that was challenged. */
    let digestAnswer: string | undefined;
    let digestTried = false;
    for (;;) {
      currentUrl = target.url;
      const hopHeaders = call.cookieJar === undefined ? headers : await withJarCookies(call.cookieJar, headers, target.url);
      const wire =
        sameOrigin && call.auth.schemes.length > 0
          ? await withCredentials(call, method, target, hopHeaders, body, tokenWait?.signal, digestAnswer)
          : { url: target.url, headers: hopHeaders };
      const upload = progressBody(call, body);
      const request =
        upload === undefined
          ? newRequest(call, method, wire.url, wire.headers, body, attempt, controller)
          : newRequest(call, method, wire.url, { ...wire.headers, ...upload.headers }, upload.body, attempt, controller);
      // The read timeout measures the server, not our token provider or signer.
      if (call.auth.schemes.length > 0) readTimer.refresh();
      if (call.log.debugEnabled) debugRequest(call, request);
      const response = await exchange(call, request, target, controller);
      currentUrl = response.url;
      if (call.log.debugEnabled) debugResponse(call, response);
      if (call.cookieJar !== undefined) await storeSetCookies(call.cookieJar, response.headers['set-cookie'], response.url);
      if (response.status === 401 && sameOrigin && call.digest && !digestTried && (body === null || call.replayable)) {
        digestTried = true;
        const answer = answerDigestChallenge(
          call.auth,
          response.headers['www-authenticate'],
          { method, uri: pathAndQuery(request.url), nonceCount: 1 },
          request.url,
          authOptions(call, undefined),
        );
        if (answer !== undefined) {
          drainBody(response.body);
          digestAnswer = answer;
          readTimer.refresh();
          continue;
        }
      }
      const step = redirectStep(response.status, response.headers, method, response.url, call.target.origin);
      if (step !== undefined && call.maxRedirects > 0) {
        drainBody(response.body);
        if (redirects >= call.maxRedirects) {
          return {
            kind: 'failed',
            error: new TooManyRedirectsError(`${call.method} ${redactUrl(call.target.url, call.secrets.query)}: more than ${call.maxRedirects} redirects`, {
              maxRedirects: call.maxRedirects,
            }),
            sent: 'fatal',
            code: 'TOO_MANY_REDIRECTS',
          };
        }
        redirects++;
        // A streamed body was consumed by the first hop: report the redirect instead of sending nothing.
        if (step.keepBody && body !== null && !call.replayable) {
          return { kind: 'status', status: response.status, headers: response.headers, url: response.url, body: undefined, sentHeaders: request.headers };
        }
        headers = redirectHeaders(headers, step, call.secrets);
        if (!step.keepBody) body = null;
        method = step.method;
        target = targetOf(step.sameOrigin ? step.url : stripSecretQuery(step.url, call.secrets));
        sameOrigin = step.sameOrigin;
        // A new URL gets a new challenge (digest's uri is part of the hash).
        digestAnswer = undefined;
        digestTried = false;
        readTimer.refresh();
        continue;
      }
      phase = 'body';
      return await readResponse(call, response, readTimer, request.headers);
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
async function withJarCookies(jar: CookieStore, headers: Record<string, string>, url: string): Promise<Record<string, string>> {
  const fromJar = await jarCookieHeader(jar, url);
  if (fromJar === undefined) return headers;
  return { ...headers, cookie: headers.cookie ? `${headers.cookie}; ${fromJar}` : fromJar };
}

/** What the auth module needs from the client for this call (oauth2 token requests share the client's pool). */
export function authOptions(call: CallState, signal: AbortSignal | undefined): ApplyAuthOptions {
  return {
    allowInsecureAuth: call.allowInsecureAuth,
    baseUrl: call.baseUrl,
    dispatcher: call.dispatcher,
    ...(signal === undefined ? {} : { signal }),
  };
}

/**
 * Adds credentials (only ever called for a hop on the call's own origin): auth headers, cookies
 * and query, a digest answer when the hop is a replay after a challenge, then the signature over
 * the finished request (final URL, every header, the exact body bytes).
 */
async function withCredentials(
  call: CallState,
  method: string,
  target: Target,
  headers: Record<string, string>,
  body: OutgoingRequest['body'],
  tokenSignal: AbortSignal | undefined,
  digestAnswer: string | undefined,
): Promise<{ url: string; headers: Record<string, string> }> {
  const parts = await applyAuth(call.auth, target.url, authOptions(call, tokenSignal));
  const finalHeaders = { ...headers };
  for (const name in parts.headers) finalHeaders[name.toLowerCase()] = parts.headers[name]!;
  if (parts.cookies.length > 0) {
    const cookie = formatCookieHeader(parts.cookies);
    finalHeaders.cookie = finalHeaders.cookie ? `${finalHeaders.cookie}; ${cookie}` : cookie;
  }
  if (digestAnswer !== undefined) finalHeaders.authorization = digestAnswer;
  // Replaces a key the URL already carries (a next-page link echoing the request's query).
  const url = appendAuthQuery(target.url, parts.query);
  const signed = call.signs ? await signRequest(call.auth, { method, url, headers: finalHeaders, body }) : finalHeaders;
  return { url, headers: signed };
}

/**
 * With an upload-progress callback, each send gets a fresh counting stream over the encoded body
 * (a retry or a replayed hop reports from 0 again) and its Content-Length when known.
 */
function progressBody(call: CallState, body: OutgoingRequest['body']): { body: Readable; headers: Record<string, string> } | undefined {
  if (call.onUploadProgress === undefined || call.encodedBody === undefined || body === null) return undefined;
  const progress = withUploadProgress(call.encodedBody, call.onUploadProgress);
  return { body: progress.body, headers: progress.contentLength === undefined ? {} : { 'content-length': String(progress.contentLength) } };
}

/** `/path?query` of an absolute URL: the request target digest hashes. */
function pathAndQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
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

async function readResponse(
  call: CallState,
  response: IncomingResponse,
  readTimer: ChunkWatcher,
  sentHeaders: Readonly<Record<string, string>>,
): Promise<AttemptResult> {
  const { status, headers, url } = response;
  if (status < 200 || status >= 300) {
    let read;
    try {
      read = await readBody(response.body, readTimer, MAX_ERROR_BODY_BYTES);
    } catch (error) {
      throw new TransportFailure(error);
    }
    return { kind: 'status', status, headers, url, body: decodeErrorBody(headers, read.bytes, read.truncated), sentHeaders };
  }
  const bodyKind = successKind(call.op, status);
  if (isStreamedKind(bodyKind) || (bodyKind !== 'text' && isBinaryMediaType(headerValue(headers, 'content-type')))) {
    return { kind: 'success', status, headers, url, bodyKind, bytes: undefined, stream: response.body };
  }
  const limit = call.maxResponseBytes;
  const tooLarge = (contentLength: number | undefined): ResponseTooLargeError =>
    new ResponseTooLargeError(
      `${call.method} ${redactUrl(url, call.secrets.query)}: the ${status} response body is larger than maxResponseBytes (${limit} bytes)` +
        (contentLength === undefined ? '' : `: Content-Length ${contentLength}`) +
        '; raise maxResponseBytes for this call, or declare the response as binary to stream it',
      { status, limitBytes: limit, contentLength },
    );
  // Announced too large: refuse before reading a byte (and close that connection).
  const announced = Number(headerValue(headers, 'content-length'));
  if (Number.isSafeInteger(announced) && announced > limit && headerValue(headers, 'content-encoding') === undefined) {
    discardBody(response.body);
    throw tooLarge(announced);
  }
  let bytes: Uint8Array;
  let truncated: boolean;
  try {
    ({ bytes, truncated } = await readBody(response.body, readTimer, limit));
  } catch (error) {
    throw new TransportFailure(error);
  }
  // Crossed the limit while reading (chunked, or decompressing): readBody destroyed the stream there.
  if (truncated) throw tooLarge(Number.isSafeInteger(announced) ? announced : undefined);
  // Decoding happens later, when (and if) the caller asks for data: see call-result.ts.
  return { kind: 'success', status, headers, url, bodyKind, bytes, stream: undefined };
}
