/**
 * The shapes the engine's layers pass along (engine/pipeline.ts lists the layers in order):
 *
 * - a call's `CallRun` goes down the call tier (retry, 401 refresh, circuit breaker, attempt
 *   record) and an `AttemptResult` comes back;
 * - inside an attempt, a `Hop` goes down the hop tier (redirects, digest, cookies, credentials)
 *   and an `Exchange` comes back;
 * - at the wire, an `OutgoingRequest` goes through the exported `Middleware` chain (upload
 *   progress, debug log, the user's middleware) to the `Transport`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { BodySource } from '../transport/body-source.js';
import type { Dispatcher } from 'undici';
import type { OperationDescriptor, ResponseKind } from '../descriptor.js';
import type { Attempt } from '../errors.js';
import type { ResolvedAuth, SecretNames } from '../auth/index.js';
import type { EncodedBody, UploadProgressCallback } from '../request/index.js';
import type { CookieStore } from '../transport/cookie-jar.js';
import type { IncomingResponse, Middleware, OutgoingRequest, Target, Transport } from '../transport/types.js';
import type { AttemptAbort } from '../transport/attempt-abort.js';
import type { PreciseTimer } from '../transport/precise-timer.js';
import type { CallScope } from '../policies/call-scope.js';
import type { RuntimeLog } from '../policies/logging.js';
import type { Layer } from './compose.js';

/** Everything an attempt needs, fixed for the whole call. */
export interface CallState {
  readonly op: OperationDescriptor;
  readonly scope: CallScope;
  /** The pool: the transport sends on it, and oauth2 token requests share it. */
  readonly dispatcher: Dispatcher;
  readonly transport: Transport;
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
  /** A digest scheme is among the call's: a same-origin 401 challenge is answered once per hop. */
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
  /** An idempotent method or an idempotency key: a request that may have been sent can be retried. */
  readonly idempotent: boolean;
  readonly maxRetries: number;
  readonly maxRetryAfterMs: number;
  /** The header carrying the server's request id (logs and errors). */
  readonly requestIdHeader: string | undefined;
  /** "GET https://host/path" with secret query parameters redacted; only called when a message needs it. */
  readonly describe: () => string;
  /** The hop tier for this call, composed once (engine/pipeline.ts). */
  readonly sendHop: SendHop;
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
      readonly stream: BodySource | undefined;
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
  | {
      readonly kind: 'failed';
      readonly error: unknown;
      readonly sent: 'unsent' | 'maybe-sent' | 'fatal';
      readonly code: string;
    };

export type FailedAttempt = Extract<AttemptResult, { kind: 'failed' }>;

/** One call's mutable bookkeeping while its attempts run down the call tier. */
export interface CallRun {
  readonly call: CallState;
  /** The history every error carries; the record layer appends one entry per attempt. */
  readonly attempts: Attempt[];
  /** The wait before the attempt about to run (0 for the first and for a 401 replay). */
  delayMs: number;
  /** performance.now() when the current attempt started (only measured when info logs are on). */
  attemptStartedAt: number;
  /** A 401 may be answered by refreshing the credential once per call. */
  authRefreshLeft: boolean;
}

/** The call tier's handler: runs (more) attempts of a call, returns how the last one went. */
export type RunAttempts = (run: CallRun) => Promise<AttemptResult>;
export type CallLayer = Layer<RunAttempts>;

/** What one attempt's layers share: its abort switch, read timer and token wait. */
export interface AttemptContext {
  readonly call: CallState;
  readonly attempt: number;
  readonly abort: AttemptAbort;
  /** Refreshed per redirect hop, per replay and once credentials are ready. */
  readonly readTimer: PreciseTimer;
  /** Stops an oauth2 token wait on the call's cancellation (not on the read timer). */
  readonly tokenSignal: AbortSignal | undefined;
  /** The URL being fetched right now, for timeout messages and error classification. */
  currentUrl: string;
}

/** One request of an attempt as the hop tier sees it (a redirect or a digest replay is another hop). */
export interface Hop {
  readonly method: string;
  readonly target: Target;
  /** The URL to send: target.url, or with credentials in the query once the credentials layer ran. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: OutgoingRequest['body'];
  /** Credentials go only to the call's own origin. */
  readonly sameOrigin: boolean;
  /** The Authorization answering a digest challenge, for the replay of the challenged hop. */
  readonly digestAnswer?: string;
}

/** A hop's request as sent and the response at headers time. */
export interface Exchange {
  readonly request: OutgoingRequest;
  readonly response: IncomingResponse;
  /** The body was consumed to follow a redirect that could not be followed: report the status without reading. */
  readonly bodyDrained?: boolean;
}

export type SendHop = (hop: Hop, context: AttemptContext) => Promise<Exchange>;
export type HopLayer = Layer<SendHop>;

/**
 * A failure a layer reports as the attempt's outcome (sent / code decide retrying), as opposed to
 * an error thrown by middleware, auth or decoding, which is raised as is and never retried.
 */
export class AttemptFailure {
  constructor(readonly result: FailedAttempt) {}
}

/** Marks errors thrown by the transport itself, so middleware's own errors pass through untouched. */
export class TransportFailure {
  constructor(readonly cause: unknown) {}
}
