/**
 * Call layer, the innermost: numbers the attempt, notes when it started (for the info log line)
 * and appends it to the history every error and `stats()` carry.
 */
import { runAttempt } from '../attempt.js';
import type { RunAttempts } from '../types.js';

export const recordAttempt: RunAttempts = async (run) => {
  const attemptNo = run.attempts.length + 1;
  run.attemptStartedAt = run.call.log.infoEnabled ? performance.now() : 0;
  const result = await runAttempt(run.call, attemptNo);
  run.attempts.push(
    result.kind === 'failed'
      ? { attempt: attemptNo, errorCode: result.code, delayMs: run.delayMs }
      : { attempt: attemptNo, status: result.status, delayMs: run.delayMs },
  );
  return result;
};
