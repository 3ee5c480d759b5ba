/**
 * Bulkhead: at most `maxConcurrency` calls in flight, at most `maxQueue` waiting, and beyond that
 * fail fast with PoolExhaustedError (a queue that grows forever turns a slow upstream into an
 * out-of-memory). Waiting counts against the call's deadline; a waiter that is aborted or times
 * out leaves the queue at once.
 */
import { PoolExhaustedError } from '../errors.js';
import type { CallScope } from './call-scope.js';

interface Waiter {
  resolve(): void;
}

export class Bulkhead {
  readonly maxConcurrency: number;
  readonly maxQueue: number;
  #active = 0;
  // A Set keeps FIFO order and removes an abandoned waiter in O(1).
  readonly #waiting = new Set<Waiter>();

  constructor(maxConcurrency: number, maxQueue: number) {
    this.maxConcurrency = maxConcurrency;
    this.maxQueue = maxQueue;
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#waiting.size;
  }

  /**
   * Takes a slot. Returns undefined when one was free (the fast path allocates nothing), else a
   * promise that resolves when a slot is handed over or rejects on cancel / overflow.
   */
  acquire(scope: CallScope, describe: () => string): Promise<void> | undefined {
    if (this.#active < this.maxConcurrency) {
      this.#active++;
      return undefined;
    }
    if (this.#waiting.size >= this.maxQueue) {
      return Promise.reject(
        new PoolExhaustedError(
          `${describe()}: ${this.#active} calls in flight and ${this.#waiting.size} queued (maxConcurrency ${this.maxConcurrency}, maxQueue ${this.maxQueue})`,
          { maxConcurrency: this.maxConcurrency, maxQueue: this.maxQueue },
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: () => {
          scope.onCancel(undefined);
          resolve();
        },
      };
      this.#waiting.add(waiter);
      scope.onCancel((reason) => {
        this.#waiting.delete(waiter);
        reject(reason);
      });
    });
  }

  /** Gives the slot to the longest waiter, or frees it. */
  release(): void {
    for (const next of this.#waiting) {
      this.#waiting.delete(next);
      // The slot passes straight to the waiter: #active stays the same.
      next.resolve();
      return;
    }
    this.#active--;
  }
}
