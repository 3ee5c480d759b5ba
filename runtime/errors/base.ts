/**
 * The error tree every generated SDK exports.
 *
 * One hierarchy for HTTP, network, timeout and abort failures so callers can branch with
 * `instanceof` at the level they care about (`TimeoutError` or just `ReadTimeoutError`).
 * Every error carries `attempts`: the history of tries behind it, so a log line says
 * "failed after 3 attempts: 503, 503, ECONNRESET" instead of a bare last status.
 *
 * Secrets: errors only ever hold a redacted URL and redacted headers (the client redacts before
 * constructing). The underlying transport error goes into the non-enumerable `cause`.
 *
 * Across SDKs: every generated SDK vendors its own copy of this file, so an app using two of them
 * has two `NotFoundError` classes. Each class has a stable `code` and a brand,
 * `Symbol.for('sdkgen.error.<code>')`, and `instanceof` checks the brand (as undici's
 * lib/core/errors.js does): an error of one SDK is an instance of the other's class of the same
 * code. The class list with its codes is ERROR_CODES in errors/codes.ts.
 */

/** One try of a call: what came back (a status or an error code) and how long we waited before it. */
export interface Attempt {
  /** 1-based attempt number. */
  readonly attempt: number;
  /** HTTP status when a response arrived. */
  readonly status?: number;
  /** Error code when no response arrived (ECONNRESET, UND_ERR_CONNECT_TIMEOUT, READ_TIMEOUT ...). */
  readonly errorCode?: string;
  /** Backoff slept before this attempt (0 for the first). */
  readonly delayMs: number;
}

/** What every runtime error may know about the call that failed. */
export interface ErrorContext {
  readonly method?: string;
  /** Redacted URL (credentials removed). */
  readonly url?: string;
  readonly attempts?: readonly Attempt[];
  readonly cause?: unknown;
}

export class SdkError extends Error {
  /**
   * Stable across versions and across SDKs (`SDK_ERR_NOT_FOUND`, `SDK_ERR_READ_TIMEOUT` ...):
   * branch on it in logs and alerts. Set per class (ERROR_CODES below), not per instance.
   */
  declare readonly code: string;
  /** HTTP method of the failed call, when the error belongs to one. */
  method: string | undefined;
  /** Redacted URL of the failed call (the last one, after redirects). */
  url: string | undefined;
  /** Every try of the call, in order. Empty when the call never reached the network. */
  attempts: readonly Attempt[];

  constructor(message: string, context: ErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.method = context.method;
    this.url = context.url;
    this.attempts = context.attempts ?? [];
  }
}
