/** The info line per attempt (policies/logging.ts formats it), written by the layer that decided what comes next. */
import { requestIdOf } from '../response/headers.js';
import { redactUrl } from '../redact.js';
import type { RuntimeLog } from '../policies/logging.js';
import type { AttemptResult, CallRun } from './types.js';

/**
 * @param retryInMs  the wait before the next attempt; undefined when this attempt was the last
 */
export function logAttempt(
  log: RuntimeLog,
  requestIdHeader: string | undefined,
  run: CallRun,
  result: AttemptResult,
  retryInMs: number | undefined,
): void {
  if (!log.infoEnabled) return;
  const { call } = run;
  const url = redactUrl(result.kind === 'failed' ? call.target.url : result.url, call.secrets.query);
  log.attempt({
    operationId: call.op.id,
    method: call.method,
    url,
    ...(result.kind === 'failed'
      ? { errorCode: result.code }
      : { status: result.status, requestId: requestIdOf(result.headers, requestIdHeader) }),
    ms: performance.now() - run.attemptStartedAt,
    attempt: run.attempts.length,
    ...(retryInMs === undefined ? {} : { retryInMs }),
  });
}
