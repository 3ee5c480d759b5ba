/**
 * `generate --changelog` and `--bump` through the CLI: the first run records the surface, the next
 * one adds a CHANGELOG.md section and suggests the version, --bump writes it, a plain run keeps it,
 * and a version pinned in the config is a located error rather than a silent override.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runCli, scratchDir } from '../cli/run-cli.js';

const scratch = scratchDir('publish-changelog');
after(() => scratch.cleanup());
const V1 = join(REPO_ROOT, 'fixtures/publish/diff/v1.yaml');
const V2 = join(REPO_ROOT, 'fixtures/publish/diff/v2.yaml');
const out = join(scratch.path, 'shop');
const version = () => (JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as { version: string }).version;
const changelog = () => readFileSync(join(out, 'CHANGELOG.md'), 'utf8');

describe('generate --changelog', () => {
  test('records, then reports, suggests, bumps and keeps the version', async () => {
    const first = await runCli(['generate', V1, '-o', out, '--changelog']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /surface recorded at version 1\.0\.0/);

    const second = await runCli(['generate', V2, '-o', out, '--changelog']);
    assert.equal(second.code, 0, second.stderr);
    assert.match(
      second.stdout,
      /major change to the SDK surface \(8 breaking, 6 minor, 1 patch\).*suggested next version: 2\.0\.0/,
    );
    assert.equal(version(), '1.0.0', 'without --bump the version stays');
    const text = changelog();
    assert.match(text, /^# Changelog\n\n## Unreleased \(suggested 2\.0\.0\)\n/);
    assert.match(text, /### Breaking\n\n- `orders\.cancel`: removed \(DELETE \/orders\/\{id\}\)/);
    assert.match(text, /### Added\n\n- `orders\.list params\.cursor`: new optional parameter/);
    assert.match(text, /### Changed\n\n- `orders\.get`: deprecated/);

    const back = await runCli(['generate', V1, '-o', out, '--changelog', '--bump', '--json']);
    assert.equal(back.code, 0, back.stderr);
    const summary = JSON.parse(back.stdout) as {
      release: { verdict: string; suggestedVersion: string; packageVersion: string };
    };
    assert.equal(summary.release.verdict, 'major');
    assert.equal(summary.release.packageVersion, '2.0.0');
    assert.equal(version(), '2.0.0');
    const sections = [...changelog().matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(sections, ['2.0.0', 'Unreleased (suggested 2.0.0)'], 'newest section first, the earlier one kept');
    assert.match(
      changelog(),
      /## 2\.0\.0\n\n[^#]*\n### Breaking\n\n- `orders\.list params\.cursor`: parameter removed\n- `orders\.list params\.region`: parameter removed/,
    );
    assert.match(
      changelog(),
      /### Fixed\n\n- `schema Order coupon`: is never null now/,
      'response types made more precise are fixes',
    );

    const plain = await runCli(['generate', V1, '-o', out]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(version(), '2.0.0', 'a plain run keeps the bumped version');
    const unchanged = await runCli(['generate', V1, '-o', out, '--changelog']);
    assert.match(unchanged.stdout, /no change to the SDK surface; version stays 2\.0\.0/);
  });

  test('--bump against a version pinned in the config is a located error', async () => {
    const config = join(scratch.path, 'pinned.yaml');
    writeFileSync(config, `spec: ${V2}\noutput: ./shop\npackage:\n  version: 2.0.0\n`);
    const run = await runCli(['generate', '-c', config, '--changelog', '--bump']);
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /^error: --bump would set version 3\.0\.0, but the config pins package\.version to 2\.0\.0/,
    );
    assert.match(run.stderr, /pinned\.yaml:4:12 \(\/package\/version\)/);
    assert.match(run.stderr, /fix: set package\.version: 3\.0\.0 in the config/);
  });
});
