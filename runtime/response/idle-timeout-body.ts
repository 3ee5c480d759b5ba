/**
 * A streamed body handed to the caller, with the read timeout applied as requests does: the
 * longest wait for the next chunk *while the caller is asking for one*. A caller that pauses to
 * write to a slow disk does not trip it (backpressure is not the server's fault): the timer runs
 * only while a `next()` is pending. Platform-neutral (a pull-based async iterator over any
 * BodySource); BinaryResponse.stream() turns it into a Node Readable on Node.
 *
 * `onDone` runs once when the body ends, fails or is destroyed: it frees the bulkhead slot and
 * removes the caller-signal listener, so nothing outlives the body.
 */
import { PreciseTimer } from '../transport/precise-timer.js';
import { isNodeStream, noop, type BodySource } from '../transport/body-source.js';

export class IdleTimeoutBody implements BodySource, AsyncIterator<Uint8Array> {
  readonly #source: BodySource;
  readonly #iterator: AsyncIterator<Uint8Array>;
  readonly #idleMs: number;
  readonly #onIdle: () => Error;
  #onDone: (() => void) | undefined;
  /** Set once: the error every later read fails with (or `null`: stopped without one). */
  #failure: Error | null | undefined;
  /** Fails the read in flight when the body is destroyed or stalls. */
  #rejectPending: ((error: Error) => void) | undefined;
  #resolvePendingDone: (() => void) | undefined;

  constructor(source: BodySource, idleMs: number, onIdle: () => Error, onDone: () => void) {
    this.#source = source;
    this.#iterator = source[Symbol.asyncIterator]();
    this.#idleMs = idleMs;
    this.#onIdle = onIdle;
    this.#onDone = onDone;
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return this;
  }

  next(): Promise<IteratorResult<Uint8Array>> {
    if (this.#failure !== undefined) {
      return this.#failure === null ? Promise.resolve(DONE) : Promise.reject(this.#failure);
    }
    return new Promise<IteratorResult<Uint8Array>>((resolve, reject) => {
      const timer = new PreciseTimer(this.#idleMs, () => this.destroy(this.#onIdle()));
      this.#rejectPending = reject;
      this.#resolvePendingDone = () => resolve(DONE);
      this.#iterator.next().then(
        (result) => {
          timer.clear();
          this.#rejectPending = this.#resolvePendingDone = undefined;
          if (this.#failure !== undefined) return; // settled by destroy()
          if (result.done) this.#finish(null);
          resolve(result.done ? DONE : { done: false, value: result.value });
        },
        (error: unknown) => {
          timer.clear();
          this.#rejectPending = this.#resolvePendingDone = undefined;
          if (this.#failure !== undefined) return;
          const failure = error instanceof Error ? error : new Error(String(error));
          this.#finish(failure);
          reject(failure);
        },
      );
    });
  }

  /** Breaking out of `for await`: the rest of the body is not wanted. */
  async return(): Promise<IteratorResult<Uint8Array>> {
    this.destroy();
    return DONE;
  }

  /** Stops the body and frees the connection; a pending read fails with `error` (ends without one). */
  destroy(error?: Error): void {
    if (this.#failure !== undefined) return;
    this.#finish(error ?? null);
    // A Node stream nobody iterates yet has no 'error' listener: one with none would crash the process.
    if (isNodeStream(this.#source)) this.#source.on('error', noop);
    this.#source.destroy(error);
    if (error === undefined) this.#resolvePendingDone?.();
    else this.#rejectPending?.(error);
    this.#rejectPending = this.#resolvePendingDone = undefined;
  }

  #finish(failure: Error | null): void {
    this.#failure = failure;
    const done = this.#onDone;
    this.#onDone = undefined;
    if (done) done();
  }
}

const DONE: IteratorResult<Uint8Array> = Object.freeze({ done: true, value: undefined });
