/**
 * A few seconds of the soak (scripts/soak/soak.ts) so the script cannot rot between CI soak runs.
 * The timing invariant (every call within total + 100 ms) is asserted per call by faults.test.ts
 * and reported, with the event-loop delay next to it, by `npm run soak`; here a short run checks
 * the invariants that do not depend on how the machine schedules this process.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SOAK, runSoak } from '../../scripts/soak/soak.js';

test('soak for 5 s at concurrency 16: no double execution, no unhandled rejection, handles back to baseline', async (t) => {
  const report = await runSoak({ ...DEFAULT_SOAK, durationMs: 5_000, concurrency: 16, seed: 7 });
  t.diagnostic(
    `${report.calls} calls, ${report.callsPerSecond}/s; settle max ${report.settle.maxMs} ms (late ${report.settle.lateCalls}); ` +
      `event loop delay max ${report.eventLoopDelay.maxMs} ms; rss ${report.rss.warmMb} -> ${report.rss.endMb} MB`,
  );
  assert.ok(report.calls > 50, `${report.calls} calls`);
  assert.equal(report.unhandledRejections, 0);
  assert.equal(report.uncaughtExceptions, 0);
  assert.equal(report.duplicatedNonIdempotentEffects, 0);
  assert.deepEqual(report.handles.leaked, {});
  assert.deepEqual(
    Object.keys(report.outcomes).filter((k) => k.startsWith('foreign:')),
    [],
  );
  // Random faults reached: more than successes and one error class.
  assert.ok(Object.keys(report.outcomes).length >= 5, JSON.stringify(report.outcomes));
});
