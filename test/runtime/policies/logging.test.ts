/** policies/logging.ts: the attempt line, with structured fields for a logger the caller passed. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RuntimeLog } from '../../../runtime/policies/logging.js';
import type { Logger } from '../../../runtime/options.js';

function recordingLogger(): Logger & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const push = (...args: unknown[]): void => {
    calls.push(args);
  };
  return { calls, error: push, warn: push, info: push, debug: push };
}

const LINE = {
  operationId: 'getPet',
  method: 'GET',
  url: 'https://api.test/pets/1?key=REDACTED',
  status: 503,
  ms: 12.4,
  attempt: 1,
  requestId: 'req-9',
  retryInMs: 250.2,
};

describe('attempt log line', () => {
  it('a passed logger gets the line and the fields operation, attempt, status, duration, request id', () => {
    const logger = recordingLogger();
    new RuntimeLog('info', logger).attempt(LINE);
    assert.equal(logger.calls.length, 1);
    const [line, fields] = logger.calls[0]!;
    assert.equal(
      line,
      '[sdk] getPet GET https://api.test/pets/1?key=REDACTED -> 503 in 12 ms (attempt 1, request id req-9); retrying in 250 ms',
    );
    assert.deepEqual(fields, {
      operation: 'getPet',
      method: 'GET',
      url: 'https://api.test/pets/1?key=REDACTED',
      attempt: 1,
      status: 503,
      durationMs: 12,
      requestId: 'req-9',
      retryInMs: 250,
    });
  });

  it('a failed attempt carries its error code instead of a status', () => {
    const logger = recordingLogger();
    new RuntimeLog('info', logger).attempt({
      operationId: 'getPet',
      method: 'GET',
      url: 'https://api.test/x',
      errorCode: 'ECONNRESET',
      ms: 3,
      attempt: 2,
    });
    assert.deepEqual(logger.calls[0]![1], {
      operation: 'getPet',
      method: 'GET',
      url: 'https://api.test/x',
      attempt: 2,
      errorCode: 'ECONNRESET',
      durationMs: 3,
    });
  });

  it('the default console logger prints the line alone', (t) => {
    const info = t.mock.method(console, 'info', () => undefined);
    new RuntimeLog('info', console).attempt(LINE);
    assert.equal(info.mock.calls.length, 1);
    assert.equal(info.mock.calls[0]!.arguments.length, 1);
  });
});
