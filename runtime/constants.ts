/**
 * Every runtime default, named, with the reason it has the value it has. The generated README
 * documents these; client options and per-call options override them.
 */

/** Connections per origin: the pool cap that keeps an upstream brown-out from eating every socket. */
export const DEFAULT_CONNECTIONS_PER_ORIGIN = 50;

/** Time to establish TCP + TLS. Long enough for a cold TLS handshake across an ocean. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Time to response headers and the longest gap between body chunks (the requests read timeout). */
export const DEFAULT_READ_TIMEOUT_MS = 60_000;

/** Wall-clock budget for the whole call, retries, backoff and queueing included. Never infinite. */
export const DEFAULT_TOTAL_TIMEOUT_MS = 120_000;

/** Retries after the first attempt: enough to ride out a blip, few enough not to amplify an outage. */
export const DEFAULT_MAX_RETRIES = 2;

/** A server asking us to wait longer than this is not retried: the error is raised for the caller to schedule. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** First backoff step (attempt n sleeps BASE * 2^n before jitter); Stainless' proven value. */
export const RETRY_BASE_DELAY_MS = 500;

/** Backoff ceiling: past 8 s a retry is rarely what the caller wants, the deadline decides instead. */
export const RETRY_MAX_DELAY_MS = 8_000;

/** Multiplicative jitter in [1 - 0.25, 1): only shortens, so the cap stays a cap, and spreads herds. */
export const RETRY_JITTER_FRACTION = 0.25;

/** Calls waiting for a bulkhead slot before we fail fast with PoolExhaustedError instead of queueing forever. */
export const DEFAULT_MAX_QUEUE = 1_000;

/** Redirect hops before TooManyRedirectsError (browsers use 20; APIs that need more than 10 are looping). */
export const DEFAULT_MAX_REDIRECTS = 10;

/** Error bodies kept for `err.body`: enough for any real error document, bounded against a 1 GB HTML page. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Characters of an unexpected (HTML) body quoted in UnexpectedContentTypeError. */
export const UNEXPECTED_BODY_SNIPPET_CHARS = 200;

/** Statuses worth retrying by default: timeouts, rate limits and gateway trouble. 500 usually repeats. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

/** Methods that the HTTP spec defines as idempotent: safe to repeat after the request was sent. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/** Header carrying a generated idempotency key when the operation descriptor does not name one. */
export const DEFAULT_IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Compression we can decode with node:zlib. zstd is left out: Node 20 has no decoder. */
export const ACCEPT_ENCODING = 'gzip, br';

/** Response headers that carry a request id, checked in this order (plus api.requestIdHeader first). */
export const REQUEST_ID_HEADERS: readonly string[] = [
  'x-request-id',
  'request-id',
  'x-github-request-id',
  'x-amzn-requestid',
];

/** Default log level: warnings (deprecations, disabled TLS) but no per-request noise. */
export const DEFAULT_LOG_LEVEL = 'warn';

/**
 * Default `maxResponseBytes`: the largest 2xx body (after decompression) a call buffers for JSON or
 * text. 64 MiB is far above any sane JSON API page yet stops a runaway or hostile body (or a gzip
 * bomb) before it takes the process's memory. Binary and streamed responses are not limited by it.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
