/** One assertion per engine: every scenario passed, else the list of what failed and why. */
import assert from 'node:assert/strict';

export interface ScenarioResult {
  readonly name: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly ms: number;
}

/** A scenario the engine cannot run: why (said in the failure message), and the error it must fail with. */
export interface CannotRun {
  readonly why: string;
  readonly error: RegExp;
}

/**
 * Every scenario passed, except those in `cannotRun`, which must each have run and failed with
 * their documented error (so a platform that starts allowing one, or fails it differently, is
 * noticed: never a silent pass).
 */
export function assertAllPassed(
  engine: string,
  results: readonly ScenarioResult[],
  cannotRun: Readonly<Record<string, CannotRun>> = {},
): void {
  assert.ok(results.length > 0, `${engine}: no scenario ran`);
  const names = new Set(results.map((r) => r.name));
  const unknown = Object.keys(cannotRun).filter((name) => !names.has(name));
  assert.deepEqual(unknown, [], `${engine}: cannotRun names scenarios that did not run`);
  const problems = results.flatMap((r) => {
    const expected = cannotRun[r.name];
    if (expected === undefined) return r.ok ? [] : [`  - ${r.name}: ${r.error}`];
    if (r.ok) return [`  - ${r.name}: passed, but ${engine} was expected to refuse it (${expected.why})`];
    if (!expected.error.test(r.error ?? ''))
      return [`  - ${r.name}: expected ${expected.error} (${expected.why}), got ${r.error}`];
    return [];
  });
  assert.equal(
    problems.length,
    0,
    `${engine}: ${problems.length} of ${results.length} scenarios did not do what they must:\n${problems.join('\n')}`,
  );
}
