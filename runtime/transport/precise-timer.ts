/**
 * A timeout that never fires early.
 *
 * Node schedules timers from the event loop's cached clock, which lags real time after a long
 * synchronous stretch, so a plain setTimeout(fn, 200) can fire at 197 ms of real time. Our
 * timeouts promise "within 50 ms of the setting", never before it: on firing we check the real
 * elapsed time and re-arm for the rest if needed (a rare path; the success path only arms and
 * clears one native timer).
 */
export class PreciseTimer {
  readonly #ms: number;
  readonly #onFire: () => void;
  #startedAt: number;
  /** Node's Timeout object (refreshable); a number in browsers and workers. */
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ms: number, onFire: () => void) {
    this.#ms = ms;
    this.#onFire = onFire;
    this.#startedAt = performance.now();
    // A module-level callback with `this` as its argument: no closure per timer on the hot path.
    this.#timer = setTimeout(check, ms, this);
  }

  /** Restarts the full period from now (a body chunk arrived). */
  refresh(): void {
    if (this.#timer === undefined) return;
    this.#startedAt = performance.now();
    // Node: restart the native timer in place. Elsewhere (a number) the timer fires at the old
    // time, sees the real elapsed time and re-arms for the rest (fire() below).
    if (typeof this.#timer === 'object') this.#timer.refresh();
  }

  clear(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  /** @internal Called by the native timer. */
  fire(): void {
    const left = this.#ms - (performance.now() - this.#startedAt);
    if (left >= 1) {
      this.#timer = setTimeout(check, left, this);
      return;
    }
    this.#timer = undefined;
    this.#onFire();
  }
}

function check(timer: PreciseTimer): void {
  timer.fire();
}
