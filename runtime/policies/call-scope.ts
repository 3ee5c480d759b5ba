/**
 * The life of one call: its total deadline and the caller's AbortSignal.
 *
 * Whatever the call is doing right now (waiting in the bulkhead, an attempt, a backoff sleep, a
 * body read) registers one `onCancel` hook; the deadline timer and the caller's signal both go
 * through `cancel()`, which wakes exactly that phase. One timer and at most one abort listener
 * per call, both released by `dispose()` (so nothing outlives the call).
 */
import { AbortError, DeadlineExceededError, type SdkError } from '../errors.js';
import { PreciseTimer } from '../transport/precise-timer.js';

export type CancelHook = (reason: SdkError) => void;

export class CallScope {
  readonly startedAt: number;
  readonly deadlineAt: number;
  readonly totalMs: number;
  /** Set once the call is cancelled (deadline or caller abort); later phases fail with it at once. */
  cancelled: SdkError | undefined;
  #hook: CancelHook | undefined;
  #timer: PreciseTimer | undefined;
  readonly #signal: AbortSignal | undefined;
  #onAbort: (() => void) | undefined;
  readonly #describe: () => string;

  /**
   * @param describe  "GET https://host/path" (redacted), only called when an error is built.
   */
  constructor(totalMs: number, signal: AbortSignal | undefined, describe: () => string) {
    this.startedAt = performance.now();
    this.totalMs = totalMs;
    this.deadlineAt = this.startedAt + totalMs;
    this.#describe = describe;
    this.#signal = signal;
    if (signal) {
      if (signal.aborted) {
        this.cancelled = this.#abortError();
      } else {
        this.#onAbort = () => this.cancel(this.#abortError());
        signal.addEventListener('abort', this.#onAbort, { once: true });
      }
    }
    if (this.cancelled === undefined) {
      this.#timer = new PreciseTimer(totalMs, () => {
        this.#timer = undefined;
        this.cancel(
          new DeadlineExceededError(`${this.#describe()} exceeded its total timeout of ${totalMs} ms`, {
            timeoutMs: totalMs,
          }),
        );
      });
    }
  }

  /** Milliseconds left before the deadline (may be <= 0). */
  remaining(): number {
    return this.deadlineAt - performance.now();
  }

  /** Registers what to interrupt on cancel; fires at once when already cancelled. */
  onCancel(hook: CancelHook | undefined): void {
    this.#hook = hook;
    if (hook && this.cancelled) hook(this.cancelled);
  }

  cancel(reason: SdkError): void {
    if (this.cancelled) return;
    this.cancelled = reason;
    const hook = this.#hook;
    this.#hook = undefined;
    if (hook) hook(reason);
  }

  /** Throws the cancellation error when the call was cancelled. */
  throwIfCancelled(): void {
    if (this.cancelled) throw this.cancelled;
  }

  /** Sleeps `ms`, ending at once (rejecting) on deadline or abort. */
  sleep(ms: number): Promise<void> {
    if (this.cancelled) return Promise.reject(this.cancelled);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#hook = undefined;
        resolve();
      }, ms);
      this.onCancel((reason) => {
        clearTimeout(timer);
        reject(reason);
      });
    });
  }

  /**
   * Runs async work between attempts (a token refresh) with a signal that fires on deadline or
   * abort; the call's cancellation error wins over whatever the work threw when it was cut short.
   */
  async guard<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.throwIfCancelled();
    const controller = new AbortController();
    this.onCancel((reason) => controller.abort(reason));
    try {
      return await work(controller.signal);
    } catch (error) {
      throw this.cancelled ?? error;
    } finally {
      this.#hook = undefined;
    }
  }

  /** Stops the deadline timer and removes the abort listener. Idempotent. */
  dispose(): void {
    this.#hook = undefined;
    if (this.#timer !== undefined) {
      this.#timer.clear();
      this.#timer = undefined;
    }
    if (this.#onAbort) {
      this.#signal!.removeEventListener('abort', this.#onAbort);
      this.#onAbort = undefined;
    }
  }

  /**
   * Keeps only the caller's abort alive (for a streamed body the caller reads after the call
   * returned): the deadline stops, the signal still cancels. `dispose()` later removes it.
   */
  stopDeadline(): void {
    if (this.#timer !== undefined) {
      this.#timer.clear();
      this.#timer = undefined;
    }
  }

  #abortError(): AbortError {
    return new AbortError(`${this.#describe()} was aborted by the caller's signal`, { cause: this.#signal?.reason });
  }
}
