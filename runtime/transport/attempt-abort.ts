/**
 * The abort switch of one attempt, as cheap as possible on the success path.
 *
 * undici accepts an EventEmitter-shaped `signal` (on/once/removeListener + aborted/reason), and
 * an AbortController plus its EventTarget listener costs several microseconds per call. So this
 * is that minimal emitter (one listener: undici registers exactly one per request), and a real
 * AbortSignal is created only when someone asks for it (middleware reading `request.signal`).
 */
export class AttemptAbort {
  aborted = false;
  reason: unknown = undefined;
  #listener: (() => void) | undefined;
  #controller: AbortController | undefined;

  on(_event: 'abort', listener: () => void): this {
    this.#listener = listener;
    return this;
  }

  once(event: 'abort', listener: () => void): this {
    return this.on(event, listener);
  }

  removeListener(_event: 'abort', listener: () => void): this {
    if (this.#listener === listener) this.#listener = undefined;
    return this;
  }

  off(event: 'abort', listener: () => void): this {
    return this.removeListener(event, listener);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listener = this.#listener;
    this.#listener = undefined;
    if (listener) listener();
    this.#controller?.abort(reason);
  }

  /** A standard AbortSignal mirroring this switch (created on first use). */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }
}
