/**
 * The whole generated package is already in the SDK's style: `prettier --check .` with the
 * package's own .prettierrc.json and .prettierignore changes nothing (code, the copied runtime,
 * README, test files), so a user's formatter never fights `sdkgen generate --check`. Only the
 * test data (test/cases.json, one case per line on purpose) is ignored, by the shipped .prettierignore.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { generateFixture } from './harness.js';
import { REPO_ROOT } from '../model/helpers.js';
import { PRETTIER_CONFIG } from '../../../generator/emit/prettier-config.js';

const PRETTIER = resolve(REPO_ROOT, 'node_modules/prettier/bin/prettier.cjs');
const FIXTURES = [
  'fixtures/petstore.yaml',
  'fixtures/types/readwrite-3.0.yaml',
  'fixtures/types/fastapi.json',
  'fixtures/types/compositions.yaml',
  'fixtures/hostile.yaml',
] as const;

describe('emitted code style', () => {
  for (const fixture of FIXTURES) {
    test(`${fixture}: prettier --check passes on the whole package`, async () => {
      const { outDir, files } = await generateFixture(fixture, `style-${fixture.replace(/\W+/g, '-')}`);
      assert.deepEqual(JSON.parse(files.get('.prettierrc.json')!), PRETTIER_CONFIG);
      assert.equal(
        files
          .get('.prettierignore')!
          .split('\n')
          .filter((l) => l !== '' && !l.startsWith('#'))
          .join(),
        'test/cases.json',
      );
      for (const path of ['README.md', 'src/functions.ts', 'src/runtime/index.ts', 'test/sdk.test.js']) {
        assert.ok(files.has(path), `${path} is emitted (and so checked)`);
      }
      const run = spawnSync(process.execPath, [PRETTIER, '--check', '.'], { cwd: outDir, encoding: 'utf8' });
      assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
      assert.match(run.stdout, /All matched files use Prettier code style/);
    });
  }
});
