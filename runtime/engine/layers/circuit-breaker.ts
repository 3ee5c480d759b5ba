/**
 * Call layer (only with the `circuitBreaker` option): per origin, refuses attempts while the
 * circuit is open (policies/circuit-breaker.ts) and records each attempt's health.
 */
import { ConnectionError } from '../../errors.js';
import { healthOf, type AttemptHealth, type CircuitBreaker } from '../../policies/circuit-breaker.js';
import type { AttemptResult, CallLayer } from '../types.js';

export function circuitBreakerLayer(breaker: CircuitBreaker): CallLayer {
  return (next) => async (run) => {
    const { call } = run;
    const probe = breaker.admit(call.target.origin, call.describe);
    const result = await next(run);
    breaker.record(call.target.origin, breakerHealth(result), probe);
    return result;
  };
}

/** Only network trouble and 5xx say the origin is unwell; cancellations and our own bugs say nothing. */
function breakerHealth(result: AttemptResult): AttemptHealth {
  if (result.kind === 'failed') {
    const networkTrouble = result.sent !== 'fatal' || result.error instanceof ConnectionError;
    return networkTrouble ? 'failure' : 'neutral';
  }
  return healthOf({ kind: 'status', status: result.status });
}
