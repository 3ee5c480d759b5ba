/**
 * Call layer, the outermost: runs attempts until one succeeds or policies/retry.ts says stop,
 * sleeping the decided delay (Retry-After honoured) inside the call's deadline. Never sleeps
 * past the deadline: the real failure is raised now rather than a timeout later.
 */
import { decideRetry, type AttemptOutcome } from '../../policies/retry.js';
import { logAttempt } from '../attempt-log.js';
import type { CallLayer } from '../types.js';

export const retryAttempts: CallLayer = (next) => async (run) => {
  const { call } = run;
  for (let retriesDone = 0; ; retriesDone++) {
    const result = await next(run);
    if (result.kind === 'success') {
      logAttempt(call.log, call.requestIdHeader, run, result, undefined);
      return result;
    }
    const outcome: AttemptOutcome =
      result.kind === 'status'
        ? { kind: 'status', status: result.status, headers: result.headers }
        : { kind: 'error', sent: result.sent };
    const decision = decideRetry(outcome, {
      retriesDone,
      maxRetries: call.maxRetries,
      idempotent: call.idempotent,
      replayable: call.replayable,
      maxRetryAfterMs: call.maxRetryAfterMs,
    });
    if (!decision.retry || decision.delayMs >= call.scope.remaining()) {
      logAttempt(call.log, call.requestIdHeader, run, result, undefined);
      return result;
    }
    logAttempt(call.log, call.requestIdHeader, run, result, decision.delayMs);
    run.delayMs = decision.delayMs;
    await call.scope.sleep(decision.delayMs);
  }
};
