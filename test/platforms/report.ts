/** One assertion per engine: every scenario passed, else the list of what failed and why. */
import assert from 'node:assert/strict';

export interface ScenarioResult {
  readonly name: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly ms: number;
}

export function assertAllPassed(engine: string, results: readonly ScenarioResult[]): void {
  assert.ok(results.length > 0, `${engine}: no scenario ran`);
  const failed = results.filter((r) => !r.ok);
  assert.equal(
    failed.length,
    0,
    `${engine}: ${failed.length} of ${results.length} scenarios failed:\n${failed.map((f) => `  - ${f.name}: ${f.error}`).join('\n')}`,
  );
}
