/**
 * When to retry and how long to wait.
 *
 * The rule that matters most: a request that may have reached the server is repeated only when
 * repeating it is harmless (idempotent method or an idempotency key). A retried POST is a double
 * charge; urllib3 refuses POST altogether, we retry it only when it provably was not processed.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { RETRYABLE_STATUSES, RETRY_BASE_DELAY_MS, RETRY_JITTER_FRACTION, RETRY_MAX_DELAY_MS } from '../constants.js';
import { headerValue } from '../response/headers.js';

/** What an attempt ended with, as far as retrying is concerned. */
export type AttemptOutcome =
  | { readonly kind: 'status'; readonly status: number; readonly headers: IncomingHttpHeaders }
  /**
   * `unsent`: the server cannot have seen the request (connection refused, DNS, connect timeout).
   * `maybe-sent`: it may have (reset or read timeout after sending).
   * `fatal`: never retried (TLS verification, proxy refusal, a bug).
   */
  | { readonly kind: 'error'; readonly sent: 'unsent' | 'maybe-sent' | 'fatal' };

export interface RetryContext {
  /** Retries already done (0 before the first retry). */
  readonly retriesDone: number;
  readonly maxRetries: number;
  /** Idempotent method or an idempotency key on the request. */
  readonly idempotent: boolean;
  /** The request body can be sent again. */
  readonly replayable: boolean;
  readonly maxRetryAfterMs: number;
}

export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | {
      readonly retry: false;
      readonly reason: 'not-retryable' | 'exhausted' | 'retry-after-too-long' | 'body-not-replayable';
    };

export function decideRetry(outcome: AttemptOutcome, context: RetryContext): RetryDecision {
  if (!isRetryable(outcome, context.idempotent)) return NOT_RETRYABLE;
  if (!context.replayable) return BODY_NOT_REPLAYABLE;
  if (context.retriesDone >= context.maxRetries) return EXHAUSTED;
  if (outcome.kind === 'status') {
    const asked = retryAfterMs(outcome.headers);
    if (asked !== undefined) {
      if (asked > context.maxRetryAfterMs) return RETRY_AFTER_TOO_LONG;
      return { retry: true, delayMs: asked };
    }
  }
  return { retry: true, delayMs: backoffDelayMs(context.retriesDone) };
}

const NOT_RETRYABLE: RetryDecision = { retry: false, reason: 'not-retryable' };
const BODY_NOT_REPLAYABLE: RetryDecision = { retry: false, reason: 'body-not-replayable' };
const EXHAUSTED: RetryDecision = { retry: false, reason: 'exhausted' };
const RETRY_AFTER_TOO_LONG: RetryDecision = { retry: false, reason: 'retry-after-too-long' };

function isRetryable(outcome: AttemptOutcome, idempotent: boolean): boolean {
  if (outcome.kind === 'error') {
    if (outcome.sent === 'unsent') return true;
    return outcome.sent === 'maybe-sent' && idempotent;
  }
  // The server knows best whether repeating is safe (Stainless' x-should-retry).
  const should = headerValue(outcome.headers, 'x-should-retry');
  if (should === 'true') return true;
  if (should === 'false') return false;
  if (!RETRYABLE_STATUSES.has(outcome.status)) return false;
  // A 429 was rejected before any work: safe for any method. The rest only when idempotent.
  return idempotent || outcome.status === 429;
}

/** min(0.5 s * 2^n, 8 s) * (1 - U[0, 0.25)), n = retries done. */
export function backoffDelayMs(retriesDone: number): number {
  const base = Math.min(RETRY_BASE_DELAY_MS * 2 ** retriesDone, RETRY_MAX_DELAY_MS);
  return base * (1 - Math.random() * RETRY_JITTER_FRACTION);
}

/**
 * The delay the server asked for: `retry-after-ms` (float ms), else `Retry-After` in seconds or
 * as an HTTP-date. Undefined when absent or unparseable (then backoff applies).
 */
export function retryAfterMs(headers: IncomingHttpHeaders, now: number = Date.now()): number | undefined {
  const ms = headerValue(headers, 'retry-after-ms');
  if (ms !== undefined) {
    const value = Number(ms);
    if (ms.trim() !== '' && Number.isFinite(value) && value >= 0) return value;
  }
  const after = headerValue(headers, 'retry-after');
  if (after === undefined) return undefined;
  const trimmed = after.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
