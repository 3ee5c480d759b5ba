import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSpecs, diffSurfaces, nextVersion, surfaceOf } from '../../../generator/diff/index.js';
import { REPO_ROOT, runCli, scratchDir, STACK_LINE } from '../cli/run-cli.js';

const V1 = join(REPO_ROOT, 'fixtures/publish/diff/v1.yaml');
const V2 = join(REPO_ROOT, 'fixtures/publish/diff/v2.yaml');
const scratch = scratchDir('diff');
after(() => scratch.cleanup());

/** `severity kind subject path` per change, as the assertions read them. */
function lines(changes: readonly { severity: string; kind: string; subject: string; path?: string }[]): string[] {
  return changes.map((c) => `${c.severity} ${c.kind} ${c.subject}${c.path ? ` ${c.path}` : ''}`);
}

describe('sdkgen diff', () => {
  test('finds each kind of change in the fixture pair and weighs it', async () => {
    const { verdict, changes } = await diffSpecs(V1, V2, { allowRemoteRefs: false });
    assert.equal(verdict, 'major');
    assert.deepEqual(lines(changes), [
      'major method-removed orders.cancel',
      'major param-removed orders.list params.limit',
      'major param-added orders.list params.region',
      'major enum-values-removed schema NewOrder channel',
      'major field-required schema NewOrder quantity',
      'major nullable-added schema Order coupon',
      'major field-removed schema Order note',
      'major field-optional schema Order total',
      'minor param-added orders.list params.cursor',
      'minor method-added orders.refund',
      'minor field-added schema NewOrder gift',
      'minor field-added schema Order currency',
      'minor enum-values-added schema Order status',
      'minor server-added server sandbox',
      'patch method-deprecated orders.get',
    ]);
    const removedNote = changes.find((c) => c.kind === 'field-removed')!;
    assert.deepEqual(
      removedNote.calls,
      ['orders.create', 'orders.get', 'orders.list'],
      'a shared-schema change names the calls it reaches',
    );
  });

  test('the same spec on both sides has no change', async () => {
    const { verdict, changes } = await diffSpecs(V1, V1, { allowRemoteRefs: false });
    assert.equal(verdict, 'none');
    assert.deepEqual(changes, []);
  });

  test('a method renamed under the same operation is one breaking rename', async () => {
    const config = join(scratch.path, 'rename.yaml');
    writeFileSync(config, 'names:\n  getOrder: orders.fetch\n');
    const before = await surfaceOf(V1, { allowRemoteRefs: false });
    const after = await surfaceOf(V1, { allowRemoteRefs: false, config });
    const { verdict, changes } = diffSurfaces(before, after);
    assert.equal(verdict, 'major');
    assert.deepEqual(lines(changes), ['major method-renamed orders.get']);
    assert.match(changes[0]!.reason, /renamed to orders\.fetch/);
  });

  test('next versions follow semver, breaking changes below 1.0 bump the minor', () => {
    assert.equal(nextVersion('1.4.2', 'major'), '2.0.0');
    assert.equal(nextVersion('1.4.2', 'minor'), '1.5.0');
    assert.equal(nextVersion('1.4.2', 'patch'), '1.4.3');
    assert.equal(nextVersion('1.4.2', 'none'), '1.4.2');
    assert.equal(nextVersion('0.3.1', 'major'), '0.4.0');
  });

  test('the CLI prints the verdict, --json the changes, and --fail-on gates', async () => {
    const human = await runCli(['diff', V1, V2]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^Breaking \(major\): 8$/m);
    assert.match(human.stdout, /verdict: major \(8 major, 6 minor, 1 patch\)/);
    const json = await runCli(['diff', V1, V2, '--json', '--fail-on', 'major']);
    assert.equal(json.code, 1, 'a major change fails --fail-on major');
    const parsed = JSON.parse(json.stdout) as { verdict: string; counts: Record<string, number>; changes: unknown[] };
    assert.equal(parsed.verdict, 'major');
    assert.equal(parsed.changes.length, 15);
    assert.equal(parsed.counts['field-added'], 2);
    const same = await runCli(['diff', V1, V1, '--fail-on', 'minor']);
    assert.equal(same.code, 0);
  });

  test('bad input is one located error, exit 2', async () => {
    const usage = await runCli(['diff', V1]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^error: expected two specs, got 1/);
    const badWeight = await runCli(['diff', V1, V2, '--fail-on', 'huge']);
    assert.equal(badWeight.code, 2);
    const missing = await runCli(['diff', V1, join(REPO_ROOT, 'fixtures/bad/invalid-yaml.yaml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /invalid-yaml\.yaml:9:16/);
    assert.doesNotMatch(missing.stderr, STACK_LINE);
  });
});
