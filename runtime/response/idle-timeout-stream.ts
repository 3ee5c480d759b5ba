/**
 * A streamed body handed to the caller, with the read timeout applied as requests does: the
 * longest wait for the next chunk *while the caller is asking for one*. A caller that pauses to
 * write to a slow disk does not trip it (backpressure is not the server's fault).
 *
 * `onDone` runs once when the stream ends, fails or is destroyed: it frees the bulkhead slot and
 * removes the caller-signal listener, so nothing outlives the body.
 */
import { Readable } from 'node:stream';
import { PreciseTimer } from '../transport/precise-timer.js';

export class IdleTimeoutStream extends Readable {
  readonly #source: Readable;
  readonly #idleMs: number;
  readonly #onIdle: () => Error;
  #timer: PreciseTimer | undefined;
  #onDone: (() => void) | undefined;

  constructor(source: Readable, idleMs: number, onIdle: () => Error, onDone: () => void) {
    super();
    this.#source = source;
    this.#idleMs = idleMs;
    this.#onIdle = onIdle;
    this.#onDone = onDone;
    source.on('data', (chunk: Buffer) => {
      this.#disarm();
      if (!this.push(chunk)) source.pause();
    });
    source.once('end', () => {
      this.#disarm();
      this.push(null);
    });
    source.once('error', (error) => this.destroy(error));
    source.once('close', () => {
      // A source closed without 'end' and without an error was cut short.
      if (!source.readableEnded && !this.destroyed) this.destroy(new Error('response body closed before its end'));
    });
    source.pause();
    // The caller's abort may destroy this stream before anyone reads it; an 'error' with no
    // listener would crash the process. Readers (for await, pipeline, .on('error')) still see it.
    this.on('error', noop);
  }

  override _read(): void {
    if (this.#timer === undefined) {
      this.#timer = new PreciseTimer(this.#idleMs, () => {
        this.#timer = undefined;
        this.destroy(this.#onIdle());
      });
    }
    this.#source.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#disarm();
    if (!this.#source.destroyed) {
      this.#source.on('error', noop);
      this.#source.destroy();
    }
    this.#finish();
    callback(error);
  }

  override push(chunk: unknown): boolean {
    const more = super.push(chunk);
    if (chunk === null) this.#finish();
    return more;
  }

  #disarm(): void {
    if (this.#timer !== undefined) {
      this.#timer.clear();
      this.#timer = undefined;
    }
  }

  #finish(): void {
    const done = this.#onDone;
    this.#onDone = undefined;
    if (done) done();
  }
}

function noop(): void {}
