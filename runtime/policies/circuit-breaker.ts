/**
 * Optional circuit breaker per origin (`circuitBreaker: { failures, cooldown }`, off by default):
 * after N consecutive failed attempts, calls to that origin fail fast with CircuitOpenError
 * instead of adding load to a sick server; after the cooldown one probe is let through, and its
 * outcome closes the circuit or opens it for another cooldown.
 *
 * A failure is what says "the server is unwell": a connection failure, a timeout, a 5xx. A 4xx
 * (including 429, which is the server protecting itself deliberately) is a healthy answer.
 */
import { CircuitOpenError } from '../errors.js';

/** Consecutive failures that open the circuit (Hystrix/resilience4j use similar small numbers). */
export const DEFAULT_CIRCUIT_FAILURES = 5;

/** How long an open circuit fails fast before letting one probe through. */
export const DEFAULT_CIRCUIT_COOLDOWN_MS = 30_000;

export interface CircuitBreakerOptions {
  /** Consecutive failed attempts that open the circuit. Default 5. */
  readonly failures?: number;
  /** Milliseconds the circuit stays open before one probe. Default 30 s. */
  readonly cooldown?: number;
}

interface OriginState {
  failures: number;
  /** performance.now() when the circuit opened; undefined while closed. */
  openedAt: number | undefined;
  probeInFlight: boolean;
}

export type AttemptHealth = 'success' | 'failure' | 'neutral';

export class CircuitBreaker {
  readonly #threshold: number;
  readonly #cooldownMs: number;
  readonly #origins = new Map<string, OriginState>();

  constructor(options: CircuitBreakerOptions) {
    this.#threshold = options.failures ?? DEFAULT_CIRCUIT_FAILURES;
    this.#cooldownMs = options.cooldown ?? DEFAULT_CIRCUIT_COOLDOWN_MS;
  }

  /**
   * Before an attempt: throws CircuitOpenError while the origin's circuit is open. Returns true
   * when this attempt is the half-open probe (its outcome must be recorded).
   */
  admit(origin: string, describe: () => string): boolean {
    const state = this.#origins.get(origin);
    if (state === undefined || state.openedAt === undefined) return false;
    const waited = performance.now() - state.openedAt;
    if (waited < this.#cooldownMs || state.probeInFlight) {
      const retryAfterMs = Math.max(0, Math.ceil(this.#cooldownMs - waited));
      throw new CircuitOpenError(
        `${describe()}: the circuit for ${origin} is open after ${state.failures} consecutive failures; failing fast (next probe in ${retryAfterMs} ms)`,
        { retryAfterMs },
      );
    }
    state.probeInFlight = true;
    return true;
  }

  /** After an attempt (every attempt that was admitted, probe or not). */
  record(origin: string, health: AttemptHealth, wasProbe: boolean): void {
    let state = this.#origins.get(origin);
    if (health === 'neutral') {
      if (wasProbe && state) state.probeInFlight = false;
      return;
    }
    if (health === 'success') {
      // Healthy origins keep no state: the map only holds origins that are failing.
      if (state) this.#origins.delete(origin);
      return;
    }
    if (state === undefined) {
      state = { failures: 0, openedAt: undefined, probeInFlight: false };
      this.#origins.set(origin, state);
    }
    state.failures++;
    if (wasProbe || state.failures >= this.#threshold) {
      state.openedAt = performance.now();
      state.probeInFlight = false;
    }
  }
}

/** Classifies an attempt's outcome for the breaker. */
export function healthOf(
  outcome: { kind: 'status'; status: number } | { kind: 'error'; cancelled: boolean },
): AttemptHealth {
  if (outcome.kind === 'error') return outcome.cancelled ? 'neutral' : 'failure';
  return outcome.status >= 500 ? 'failure' : 'success';
}
