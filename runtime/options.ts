/**
 * Client and per-call options. The names are part of the product contract (the README each SDK
 * ships documents them): tests, the generated README and users' code spell them exactly like this.
 */
import type { Dispatcher } from 'undici';
import type { FetchFunction } from './transport/fetch.js';
import type { Middleware } from './transport/types.js';
import type { CircuitBreakerOptions } from './policies/circuit-breaker.js';
import type { UploadProgressCallback } from './request/progress.js';
import type { CookieStore } from './transport/cookie-jar.js';
import type { ValidateMode } from './validation/types.js';

export type { CookieStore, ValidateMode };

export type { CircuitBreakerOptions };

/** Milliseconds. Each is bounded: there is no "infinite" (0 or Infinity are rejected). */
export interface TimeoutOptions {
  /** TCP + TLS established. Default 10 s. */
  readonly connect?: number;
  /**
   * Time to response headers, and the longest gap between two body chunks. Default 60 s.
   * Counted from when the attempt is handed to the pool, so a new connection's handshake (itself
   * bounded by `connect`) is part of the wait for headers.
   */
  readonly read?: number;
  /** Wall clock for the whole call: every attempt, backoff and time queued. Default 120 s. */
  readonly total?: number;
}

export interface RetryOptions {
  /** Retries after the first attempt. Default 2; 0 disables retries. */
  readonly maxRetries?: number;
  /** A Retry-After longer than this (ms) is not waited for: the error is raised with `retryAfterMs`. Default 60 s. */
  readonly maxRetryAfter?: number;
}

/** PEM strings or buffers, as node:tls takes them. */
export interface TlsOptions {
  /** Private CA(s) to trust in addition to nothing else (replaces the system store, like node:tls). */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  /** Client certificate for mutual TLS. */
  readonly cert?: string | Buffer;
  readonly key?: string | Buffer;
}

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/**
 * The structured fields of an attempt's info line. A `logger` you pass gets them as the second
 * argument, after the formatted line (winston merges them into the entry; for pino, whose
 * merging object comes first, wrap it: `info: (line, fields) => pino.info(fields, line)`).
 * The default console logger prints the line alone. URLs are redacted; no header is included.
 */
export interface AttemptLogFields {
  /** The operation's id (`getPet`). */
  readonly operation: string;
  readonly method: string;
  /** Redacted (credential query parameters replaced). */
  readonly url: string;
  /** 1-based attempt number within the call. */
  readonly attempt: number;
  /** The HTTP status, when a response arrived. */
  readonly status?: number;
  /** Why no response arrived (ECONNRESET, READ_TIMEOUT ...). */
  readonly errorCode?: string;
  /** Milliseconds from the attempt's start to its outcome. */
  readonly durationMs: number;
  /** The server's request id, when it sent one. */
  readonly requestId?: string;
  /** Set when another attempt follows: the wait before it, in ms. */
  readonly retryInMs?: number;
}

/** Anything console-shaped: console, pino, winston. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

/** Per-call headers: a string sets, `null` removes a default (e.g. the User-Agent). */
export type HeadersInit = Readonly<Record<string, string | null | undefined>>;

export interface ClientOptions<Auth extends object = Record<string, unknown>> {
  /** Absolute base URL; wins over `<PREFIX>_BASE_URL` and `environment`. */
  readonly baseUrl?: string;
  /** Server name from the spec's `servers` (e.g. 'staging'). */
  readonly environment?: string;
  /** Credentials keyed by the spec's securitySchemes names. */
  readonly auth?: Auth;
  readonly timeout?: TimeoutOptions;
  readonly retry?: RetryOptions;
  /** Connections per origin in the owned Agent. Default 50. */
  readonly connections?: number;
  /** Calls in flight at once. Default = connections. */
  readonly maxConcurrency?: number;
  /** Calls waiting for a slot before PoolExhaustedError. Default 1000. */
  readonly maxQueue?: number;
  /** Redirect hops followed before TooManyRedirectsError. Default 10; 0 returns 3xx as errors. */
  readonly maxRedirects?: number;
  /**
   * Largest 2xx JSON/text body buffered, in bytes after decompression; larger raises
   * ResponseTooLargeError. Default DEFAULT_MAX_RESPONSE_BYTES (64 MiB). Binary responses stream and are not limited.
   */
  readonly maxResponseBytes?: number;
  /** Sent on every call; `null` removes a runtime default such as User-Agent. */
  readonly defaultHeaders?: HeadersInit;
  /** Default 'warn', or env `<PREFIX>_LOG`. */
  readonly logLevel?: LogLevel;
  readonly logger?: Logger;
  /**
   * Send through this fetch instead of undici's request() (a mock, an instrumented fetch); on
   * browsers, Deno, Bun and workers the platform's fetch is the default. Cannot be combined with
   * dispatcher, proxy, tls or dangerouslyDisableTlsVerification (InvalidArgumentError); the connect
   * timeout folds into the read timeout (fetch has no connect phase of its own).
   */
  readonly fetch?: FetchFunction;
  /** Any undici Dispatcher (MockAgent, ProxyAgent, a shared Agent). The client does not close it. */
  readonly dispatcher?: Dispatcher;
  /** Proxy URL (`http://user:pass@host:port`) or `false` to ignore HTTP(S)_PROXY. Default: the environment. */
  readonly proxy?: string | false;
  readonly tls?: TlsOptions;
  /** Turns certificate verification off. Logs a warning once per client. Never in production. */
  readonly dangerouslyDisableTlsVerification?: boolean;
  /** Allow sending credentials over plain http to a non-loopback host. */
  readonly allowInsecureAuth?: boolean;
  /** Follow pagination links to another origin (credentials are then not sent there either way). */
  readonly allowCrossOriginPagination?: boolean;
  /** Runs around every attempt, outermost first. */
  readonly middleware?: readonly Middleware[];
  /**
   * `true`: keep cookies the server sets (redirects included) and send them back, like a
   * requests Session. Off by default. Shared with clients derived by withOptions().
   * Or a jar of your own with tough-cookie's async API (`new CookieJar()` from tough-cookie, for
   * its public-suffix list and full RFC 6265): the runtime calls `getCookieString(url)` before
   * each request hop and `setCookie(line, url)` for each Set-Cookie; a cookie it rejects is dropped.
   */
  readonly cookies?: boolean | CookieStore;
  /**
   * Fail fast with CircuitOpenError after `failures` consecutive failed attempts to an origin,
   * for `cooldown` ms, then let one probe through. Off by default.
   */
  readonly circuitBreaker?: CircuitBreakerOptions;
  /**
   * Check 2xx JSON bodies against the spec's response schemas: 'off' (default), 'warn' (log the
   * first mismatch per operation and status, return the data; values outside an enum are not
   * reported) or 'strict' (raise ResponseValidationError). Needs an SDK generated with
   * `validation: { responses: true }`; ajv and the schemas load on the first validated call.
   * Default: env `<PREFIX>_VALIDATE` (e.g. PETSTORE_VALIDATE=warn), else 'off'.
   */
  readonly validate?: ValidateMode;
}

export interface RequestOptions {
  readonly timeout?: TimeoutOptions;
  readonly retry?: RetryOptions;
  /** Cancels the call (queueing, attempts, backoff and body reads) with AbortError. */
  readonly signal?: AbortSignal;
  readonly headers?: HeadersInit;
  /** Sent on every attempt in the operation's idempotency header; makes a POST retryable. */
  readonly idempotencyKey?: string;
  /** Pagination: stop after this many pages / items. */
  readonly maxPages?: number;
  readonly maxItems?: number;
  /** Overrides the client's `maxResponseBytes` for this call. */
  readonly maxResponseBytes?: number;
  /** Runs around every attempt of this call, inside the client's middleware. */
  readonly middleware?: readonly Middleware[];
  /**
   * Called as the request body is handed to the connection: `loaded` bytes so far and `total`
   * when known. Starts from 0 again on a retry (the body is sent again).
   */
  readonly onUploadProgress?: UploadProgressCallback;
  /** Overrides the client's `validate` for this call. */
  readonly validate?: ValidateMode;
}
